package gov.qsmo.workflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import gov.qsmo.workflow.inventory.InventoryCsv.AgencySystem;
import gov.qsmo.workflow.inventory.InventoryCsv.Hosting;
import gov.qsmo.workflow.inventory.InventoryCsv.InvalidInventory;
import gov.qsmo.workflow.inventory.InventoryCsv.Problem;
import gov.qsmo.workflow.inventory.InventoryCsv.SystemLine;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class InventoryCsvTests {

  private static final String HEADER = String.join(",", InventoryCsv.COLUMNS);
  private static final String GOOD_ROW = "Payroll,Payroll processing,Interior Business Center,shared service provider,"
      + ",,,";

  @Test
  void goodFileOfThreeSystemsIsReadWithEveryField() {
    List<SystemLine> lines = InventoryCsv.parseCsv(csv(HEADER,
        "Grants Hub,Grant intake; Award management ;Reporting,Acme Corp,commercial cloud,2027-09-30,\"$1,250,000.50\","
            + "Move to the shared grants platform,2028-06-30",
        "HR Core,Personnel actions,Agency IT,On-Premises,,125000,,",
        "Travel,Travel booking,GSA,agency_cloud,2026-01-15,0,,2030-12-31"));
    assertThat(lines).containsExactly(
        new SystemLine(1, "Grants Hub", List.of("Grant intake", "Award management", "Reporting"), "Acme Corp",
            Hosting.COMMERCIAL_CLOUD, LocalDate.of(2027, 9, 30), new BigDecimal("1250000.50"),
            "Move to the shared grants platform", LocalDate.of(2028, 6, 30)),
        new SystemLine(2, "HR Core", List.of("Personnel actions"), "Agency IT", Hosting.ON_PREMISES, null,
            new BigDecimal("125000.00"), null, null),
        new SystemLine(3, "Travel", List.of("Travel booking"), "GSA", Hosting.AGENCY_CLOUD, LocalDate.of(2026, 1, 15),
            new BigDecimal("0.00"), null, LocalDate.of(2030, 12, 31)));
  }

  @Test
  void quotedValuesHoldCommasDoubledQuotesAndLineBreaks() {
    List<SystemLine> lines = InventoryCsv.parseCsv(csv(HEADER,
        "\"Grants, Loans \"\"and\"\" Awards\",\"Intake; Review\",\"Acme, Inc.\",commercial cloud,,,"
            + "\"Phase 1: move data,\nPhase 2: retire\r\nthe old system\","));
    assertThat(lines).hasSize(1);
    SystemLine line = lines.get(0);
    assertThat(line.systemName()).isEqualTo("Grants, Loans \"and\" Awards");
    assertThat(line.functions()).containsExactly("Intake", "Review");
    assertThat(line.provider()).isEqualTo("Acme, Inc.");
    assertThat(line.modernizationPlan()).isEqualTo("Phase 1: move data,\nPhase 2: retire\nthe old system");
  }

  @Test
  void byteOrderMarkIsSkippedAndCrlfAndLfLineEndsAreBothRead() {
    byte[] crlf = ("\uFEFF" + HEADER + "\r\n" + GOOD_ROW + "\r\nTravel,Booking,GSA,agency cloud,,,,\r\n")
        .getBytes(StandardCharsets.UTF_8);
    assertThat(Arrays.copyOf(crlf, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    List<SystemLine> fromCrlf = InventoryCsv.parseCsv(crlf);
    assertThat(fromCrlf).extracting(SystemLine::row, SystemLine::systemName)
        .containsExactly(tuple(1, "Payroll"), tuple(2, "Travel"));
    byte[] lf = (HEADER + "\n" + GOOD_ROW + "\nTravel,Booking,GSA,agency cloud,,,,").getBytes(StandardCharsets.UTF_8);
    assertThat(InventoryCsv.parseCsv(lf)).isEqualTo(fromCrlf);
  }

  @Test
  void blankRowsAreSkippedButKeepTheirNumbers() {
    List<SystemLine> lines = InventoryCsv.parseCsv(csv(HEADER, "", ",,,,,,,", GOOD_ROW, "  "));
    assertThat(lines).singleElement().extracting(SystemLine::row).isEqualTo(3);
  }

  @Test
  void anEmptyFileOrOneWithoutSystemsIsRefused() {
    assertProblem(() -> InventoryCsv.parseCsv(new byte[0]), 0, "file", "the file is empty");
    assertProblem(() -> InventoryCsv.parseCsv(null), 0, "file", "the file is empty");
    assertProblem(() -> InventoryCsv.parseCsv("\uFEFF\r\n\r\n".getBytes(StandardCharsets.UTF_8)), 0, "file",
        "the file is empty");
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER)), 0, "file", "lists no systems; add one row");
  }

  @Test
  void aFileOverTheSizeLimitIsRefusedBeforeParsing() {
    byte[] big = new byte[InventoryCsv.MAX_BYTES + 1];
    Arrays.fill(big, (byte) 0xC3); // not UTF-8 either: the size is refused before the bytes are read
    InvalidInventory refused = assertProblem(() -> InventoryCsv.parseCsv(big), 0, "file",
        "has 2097153 bytes; upload at most 2097152 bytes");
    assertThat(refused.problems()).hasSize(1);
    assertThat(refused.field()).isEqualTo("file");
  }

  @Test
  void bytesThatAreNotUtf8AreRefusedNamingTheByteAndLine() {
    byte[] header = (HEADER + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] file = Arrays.copyOf(header, header.length + 4);
    file[header.length] = 'A';
    file[header.length + 1] = (byte) 0xC3;
    file[header.length + 2] = 0x28;
    file[header.length + 3] = ',';
    InvalidInventory refused = assertProblem(() -> InventoryCsv.parseCsv(file), 0, "file",
        "not UTF-8 text: byte " + (header.length + 2) + " (line 2) cannot be read; save the file as \"CSV UTF-8\"");
    assertThat(refused.problems()).hasSize(1);
  }

  @Test
  void aQuoteNeverClosedIsRefusedNamingItsRow() {
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, GOOD_ROW, "\"Grants,Intake,Acme,agency cloud,,,,")), 2,
        "file", "a quoted value is never closed");
  }

  @Test
  void aWrongHeaderGivesOneProblemPerWrongColumnAndNoRowIsChecked() {
    String badRow = "=cmd,,,,,,,";
    InvalidInventory misspelled = invalid(() -> InventoryCsv.parseCsv(csv(
        " System_Name ,function,provider,hosting,contract_end_date,annual_cost,modernization_target_date,"
            + "modernization_plan", badRow)));
    assertThat(misspelled.problems()).extracting(Problem::row, Problem::column).containsExactly(
        tuple(0, "functions"), tuple(0, "modernization_plan"), tuple(0, "modernization_target_date"));
    assertThat(misspelled.problems().get(0).message())
        .isEqualTo("column 2 is 'function' where 'functions' belongs; the header must be exactly: " + HEADER + ".");
    assertThat(misspelled.problems().get(1).message()).doesNotContain("the header must be exactly");
    assertThat(misspelled.getMessage())
        .startsWith("The inventory has 3 problems; nothing was stored: header: column 2");
    assertThat(misspelled.getMessage().split("the header must be exactly", -1)).as("the header named once")
        .hasSize(2);

    InvalidInventory missingAndExtra = invalid(() -> InventoryCsv.parseCsv(csv(
        "system_name,provider,hosting,contract_end_date,annual_cost,modernization_plan,modernization_target_date,"
            + "owner,", badRow)));
    assertThat(missingAndExtra.problems()).extracting(Problem::column, Problem::message).containsExactly(
        tuple("functions", "column 'functions' is missing; the header must be exactly: " + HEADER + "."),
        tuple("owner", "'owner' is not a column"),
        tuple("column 9", "column 9 has no name"));
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER + ",hosting", badRow)), 0, "hosting",
        "'hosting' appears more than once");
    assertProblem(() -> InventoryCsv.parseCsv(csv("", HEADER, GOOD_ROW)), 0, "file", "the first row is empty");
  }

  @Test
  void aRowWithTheWrongNumberOfValuesIsNamed() {
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, GOOD_ROW, "Travel,Booking,GSA,agency cloud,,")), 2,
        "file", "has 6 values; the header has 8");
    InvalidInventory unquoted = assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER,
        "Travel,Booking,GSA,agency cloud,,$1,250,000,,")), 1, "file", "has 10 values; the header has 8");
    assertThat(unquoted.getMessage()).contains("row 1: has 10 values").contains("in quotes");
  }

  @Test
  void systemNameProviderHostingAndFunctionsAreRequired() {
    InvalidInventory refused = invalid(() -> InventoryCsv.parseCsv(csv(HEADER, " ,  ; ;,,,,,,", GOOD_ROW)));
    assertThat(refused.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
        tuple(1, "system_name", "is empty; give the system's name."),
        tuple(1, "functions",
            "names no function; list the system's functions, separated by ';'."),
        tuple(1, "provider",
            "is empty; name who provides the system: the agency itself or a vendor."),
        tuple(1, "hosting",
            "is empty; write on premises, agency cloud, commercial cloud or shared service provider."));
  }

  @Test
  void functionsAreAtMostTenOfAtMostAHundredCharacters() {
    String eleven = String.join(";", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k");
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, "Payroll," + eleven + ",IBC,agency cloud,,,,")), 1,
        "functions", "lists 11 functions; list at most 10");
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, "Payroll,Pay;" + "x".repeat(101) + ",IBC,agency cloud,,,,")),
        1, "functions", "is 101 characters long; shorten each function to at most 100.");
    String ten = String.join(";", "a", "b", "c", "d", "e", "f", "g", "h", "i", "j;;");
    assertThat(InventoryCsv.parseCsv(csv(HEADER, "Payroll," + ten + ",IBC,agency cloud,,,,")).get(0).functions())
        .hasSize(10);
  }

  @Test
  void textsAreAtMostTwoHundredCharactersAndThePlanTwoThousand() {
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, "x".repeat(201) + ",Pay,IBC,agency cloud,,,,")), 1,
        "system_name", "is 201 characters long; shorten it to at most 200.");
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, "Pay,Pay," + "x".repeat(201) + ",agency cloud,,,,")), 1,
        "provider", "is 201 characters long; shorten it to at most 200.");
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, "Pay,Pay,IBC,agency cloud,,," + "x".repeat(2001) + ",")),
        1, "modernization_plan", "is 2001 characters long; shorten it to at most 2000.");
    assertThat(InventoryCsv.parseCsv(csv(HEADER, "x".repeat(200) + ",Pay,IBC,agency cloud,,," + "x".repeat(2000)
        + ",")).get(0).modernizationPlan()).hasSize(2000);
  }

  @Test
  void datesAreIsoAndBetween1990And2100() {
    InvalidInventory refused = invalid(() -> InventoryCsv.parseCsv(csv(HEADER,
        "A,Pay,IBC,agency cloud,31/12/2027,,,2027-02-30",
        "B,Pay,IBC,agency cloud,1989-12-31,,,2101-01-01",
        "C,Pay,IBC,agency cloud,1990-01-01,,,2100-12-31")));
    assertThat(refused.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
        tuple(1, "contract_end_date", "'31/12/2027' is not a date; write yyyy-mm-dd."),
        tuple(1, "modernization_target_date",
            "'2027-02-30' is not a day of the calendar; write a real date as yyyy-mm-dd."),
        tuple(2, "contract_end_date",
            "'1989-12-31' is outside 1990-01-01 to 2100-12-31; check the year."),
        tuple(2, "modernization_target_date",
            "'2101-01-01' is outside 1990-01-01 to 2100-12-31; check the year."));
  }

  @Test
  void annualCostIsAPlainAmountInDollarsNotNegativeAndAtMostATrillion() {
    InvalidInventory refused = invalid(() -> InventoryCsv.parseCsv(csv(HEADER,
        "A,Pay,IBC,agency cloud,,-5,,", "B,Pay,IBC,agency cloud,,about 5k,,", "C,Pay,IBC,agency cloud,,12.345,,",
        "D,Pay,IBC,agency cloud,,1000000000000.01,,", "E,Pay,IBC,agency cloud,,\"1,5\",,",
        "F,Pay,IBC,agency cloud,,\"-$1,000\",,")));
    assertThat(refused.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
        tuple(1, "annual_cost",
            "'-5' is negative; give the yearly cost in dollars, 0 or more."),
        tuple(2, "annual_cost",
            "'about 5k' is not a number; give the yearly cost in dollars, such as 125000 or $1,250,000.50."),
        tuple(3, "annual_cost", "'12.345' has more than 2 decimals; round it to cents."),
        tuple(4, "annual_cost",
            "'1000000000000.01' is more than 1,000,000,000,000; give the yearly cost in dollars."),
        tuple(5, "annual_cost",
            "'1,5' is not a number; give the yearly cost in dollars, such as 125000 or $1,250,000.50."),
        tuple(6, "annual_cost",
            "'-$1,000' is negative; give the yearly cost in dollars, 0 or more."));
    assertThat(InventoryCsv.parseCsv(csv(HEADER, "A,Pay,IBC,agency cloud,,\"$1,000,000,000,000.00\",,",
        "B,Pay,IBC,agency cloud,, 7.5 ,,")))
        .extracting(SystemLine::annualCost)
        .containsExactly(new BigDecimal("1000000000000.00"), new BigDecimal("7.50"));
  }

  @Test
  void hostingIsReadInAnyCaseWithSpacesOrHyphensAndOtherwiseRefused() {
    assertThat(InventoryCsv.parseLines("""
        A | Pay | IBC | on premises
        B | Pay | IBC | On-Premises
        C | Pay | IBC | AGENCY_CLOUD
        D | Pay | IBC | Commercial  Cloud
        E | Pay | IBC | shared-service provider
        """.replace("\n", " |  |  |  |  \n"))).extracting(SystemLine::hosting).containsExactly(Hosting.ON_PREMISES,
        Hosting.ON_PREMISES, Hosting.AGENCY_CLOUD, Hosting.COMMERCIAL_CLOUD, Hosting.SHARED_SERVICE_PROVIDER);
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, "A,Pay,IBC,mainframe,,,,")), 1, "hosting",
        "'mainframe' is not a kind of hosting; write on premises, agency cloud");
  }

  @Test
  void cellsThatStartLikeAFormulaAreRefused() {
    InvalidInventory refused = invalid(() -> InventoryCsv.parseCsv(csv(HEADER,
        "=HYPERLINK(\"\"x\"\"),Pay,IBC,agency cloud,,,,",
        "B,+Pay,IBC,agency cloud,,,,",
        "C,Pay,  -IBC,agency cloud,,,,",
        "D,Pay,IBC,@agency cloud,,,,",
        "E,Pay,IBC,agency cloud,,=1+1,,",
        "F,Pay,IBC,agency cloud,,,\"\tplan\",",
        "G,Pay,IBC,agency cloud,,,\"\r=plan\",",
        "H,Pay; =cmd,IBC,agency cloud,,,,")));
    assertThat(refused.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
        tuple(1, "system_name",
            "starts with '=': formulas are not accepted; remove the leading character."),
        tuple(2, "functions",
            "starts with '+': formulas are not accepted; remove the leading character."),
        tuple(3, "provider",
            "starts with '-': formulas are not accepted; remove the leading character."),
        tuple(4, "hosting",
            "starts with '@': formulas are not accepted; remove the leading character."),
        tuple(5, "annual_cost",
            "starts with '=': formulas are not accepted; remove the leading character."),
        tuple(6, "modernization_plan",
            "starts with a tab: formulas are not accepted; remove the leading character."),
        tuple(7, "modernization_plan",
            "starts with a carriage return: formulas are not accepted; remove the leading character."),
        tuple(8, "functions",
            "the function '=cmd' starts with '=': formulas are not accepted; remove the leading character."));
  }

  @Test
  void controlCharactersAndLineBreaksOutsideThePlanAreRefused() {
    InvalidInventory refused = invalid(() -> InventoryCsv.parseCsv(csv(HEADER,
        "Pay\u0007roll,Pay,IBC,agency cloud,,,,", "\"Two\nlines\",Pay,IBC,agency cloud,,,,",
        "Tabbed\tname,Pay,IBC,agency cloud,,,\"Line one\nline two\",")));
    assertThat(refused.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
        tuple(1, "system_name",
            "contains a control character (U+0007 at position 4); remove it."),
        tuple(2, "system_name", "contains a line break; write the value on one line."));
  }

  @Test
  void aSystemListedTwiceIsRefusedOnTheSecondRowNamingTheFirst() {
    assertProblem(() -> InventoryCsv.parseCsv(csv(HEADER, GOOD_ROW, "Travel,Booking,GSA,agency cloud,,,,",
        " PAYROLL ,Pay,IBC,agency cloud,,,,")), 3, "system_name",
        "'PAYROLL' is already listed on row 1; list each system once.");
  }

  @Test
  void everyProblemOfTheFileIsReportedInOneMessage() {
    InvalidInventory refused = invalid(() -> InventoryCsv.parseCsv(csv(HEADER, GOOD_ROW,
        "Grants,Intake,Acme,commercial cloud,,-5,,", "Travel,Booking,GSA,agency cloud,,,,",
        "HR,Personnel,Agency IT,on premises,31/12/2027,,,", "Fleet,Vehicles,GSA,agency cloud,,,,2101-01-01")));
    assertThat(refused.field()).isEqualTo("file");
    assertThat(refused.problems()).extracting(Problem::row).containsExactly(2, 4, 5);
    assertThat(refused.getMessage()).isEqualTo("The inventory has 3 problems; nothing was stored: "
        + "row 2, annual_cost: '-5' is negative; give the yearly cost in dollars, 0 or more. "
        + "row 4, contract_end_date: '31/12/2027' is not a date; write yyyy-mm-dd. "
        + "row 5, modernization_target_date: '2101-01-01' is outside 1990-01-01 to 2100-12-31; check the year.");
  }

  @Test
  void theMessageNamesFiftyProblemsAndCountsTheRest() {
    List<String> rows = new ArrayList<>(List.of(HEADER));
    for (int i = 1; i <= 60; i++) {
      rows.add("System " + i + ",Pay,IBC,cloud,,,,");
    }
    InvalidInventory refused = invalid(() -> InventoryCsv.parseCsv(csv(rows.toArray(String[]::new))));
    assertThat(refused.problems()).hasSize(60);
    assertThat(refused.getMessage()).startsWith("The inventory has 60 problems; nothing was stored: row 1, hosting:")
        .contains("row 50, hosting:").doesNotContain("row 51,").endsWith(" … and 10 more.");
  }

  @Test
  void moreThanTwoThousandSystemsAreRefusedAtTheFirstOneTooMany() {
    List<String> rows = new ArrayList<>(List.of(HEADER));
    for (int i = 1; i <= InventoryCsv.MAX_ROWS; i++) {
      rows.add("System " + i + ",Pay,IBC,agency cloud,,,,");
    }
    assertThat(InventoryCsv.parseCsv(csv(rows.toArray(String[]::new)))).hasSize(InventoryCsv.MAX_ROWS);
    rows.add("System 2001,Pay,IBC,agency cloud,,,,");
    rows.add("=bad,Pay,IBC,agency cloud,,,,"); // not checked: the check stops at the first row too many
    InvalidInventory refused = assertProblem(() -> InventoryCsv.parseCsv(csv(rows.toArray(String[]::new))), 2001,
        "file", "the inventory lists more than 2000 systems; submit at most 2000 per agency.");
    assertThat(refused.problems()).hasSize(1);
  }

  @Test
  void formLinesAreReadWithTheSameRules() {
    List<SystemLine> lines = InventoryCsv.parseLines("""
        Grants Hub | Intake; Awards | Acme Corp | commercial cloud | 2027-09-30 | $1,250,000 | Move, retire | 2028-06-30

          HR Core | Personnel actions | Agency IT | on premises |  |  |  |\s
        """);
    assertThat(lines).containsExactly(
        new SystemLine(1, "Grants Hub", List.of("Intake", "Awards"), "Acme Corp", Hosting.COMMERCIAL_CLOUD,
            LocalDate.of(2027, 9, 30), new BigDecimal("1250000.00"), "Move, retire", LocalDate.of(2028, 6, 30)),
        new SystemLine(3, "HR Core", List.of("Personnel actions"), "Agency IT", Hosting.ON_PREMISES, null, null, null,
            null));
  }

  @Test
  void badFormLinesAreReportedByLineNumberUnderTheFormField() {
    InvalidInventory refused = invalid(() -> InventoryCsv.parseLines("""
        Grants Hub | Intake | Acme | commercial cloud | | -5 | |
        HR Core | Personnel | Agency IT | on premises
        Travel | =cmd | GSA | agency cloud | 2026-13-01 | | |
        """));
    assertThat(refused.field()).isEqualTo("inventoryLines");
    assertThat(refused.problems()).extracting(Problem::row, Problem::column, Problem::message).containsExactly(
        tuple(1, "annual_cost",
            "'-5' is negative; give the yearly cost in dollars, 0 or more."),
        tuple(2, "inventoryLines", "has 4 values; write 8, separated by '|': "
            + String.join(" | ", InventoryCsv.COLUMNS) + "."),
        tuple(3, "functions",
            "starts with '=': formulas are not accepted; remove the leading character."),
        tuple(3, "contract_end_date",
            "'2026-13-01' is not a day of the calendar; write a real date as yyyy-mm-dd."));
    assertThat(refused.getMessage()).contains("row 2: has 4 values");
    assertProblem(() -> InventoryCsv.parseLines("  \n "), 0, "inventoryLines", "lists no systems; add one line");
    assertProblem(() -> InventoryCsv.parseLines(null), 0, "inventoryLines", "lists no systems");
  }

  @Test
  void theExportReadsBackAsTheSameSystemsOnceTheAgencyColumnIsRemoved() {
    List<SystemLine> lines = InventoryCsv.parseCsv(csv(HEADER,
        "\"Grants, Loans \"\"and\"\" Awards\",Intake; Review,Acme,commercial cloud,2027-09-30,\"$1,250,000.5\","
            + "\"Phase 1,\nPhase 2\",2028-06-30",
        "HR Core,Personnel actions,Agency IT,on premises,,,,",
        "Nguyễn Trãi Portal,Public access,Agency IT,agency cloud,,0,Keep as is,"));
    String export = new String(InventoryCsv.toCsv(List.of(new AgencySystem("DOI", lines.get(0)),
        new AgencySystem("DOI", lines.get(1)), new AgencySystem("HHS", lines.get(2)))), StandardCharsets.UTF_8);
    assertThat(export).startsWith("\uFEFFagency_code," + HEADER + "\r\nDOI,\"Grants, Loans \"\"and\"\" Awards\",")
        .contains("\r\nHHS,Nguyễn Trãi Portal,Public access,Agency IT,AGENCY_CLOUD,,0.00,Keep as is,\r\n")
        .endsWith("\r\n");
    String withoutAgency = export.replace("\uFEFFagency_code,", "\uFEFF").replace("\r\nDOI,", "\r\n")
        .replace("\r\nHHS,", "\r\n");
    assertThat(InventoryCsv.parseCsv(withoutAgency.getBytes(StandardCharsets.UTF_8))).isEqualTo(lines);
    assertThat(new String(InventoryCsv.toCsv("DOI", lines), StandardCharsets.UTF_8))
        .isEqualTo(export.replace("\r\nHHS,", "\r\nDOI,"));
  }

  @Test
  void theExportPutsAnApostropheBeforeEveryCellThatStartsLikeAFormula() {
    SystemLine crafted = new SystemLine(1, "=HYPERLINK(\"http://evil.example\")", List.of("+1", "Pay"), "-IBC",
        Hosting.AGENCY_CLOUD, null, null, "\tplan", null);
    SystemLine carriage = new SystemLine(2, "@SUM(A1)", List.of("Pay"), "\r=1", null, null, null, null, null);
    String export = new String(InventoryCsv.toCsv("=DOI", List.of(crafted, carriage)), StandardCharsets.UTF_8);
    assertThat(export).isEqualTo("\uFEFFagency_code," + HEADER + "\r\n"
        + "'=DOI,\"'=HYPERLINK(\"\"http://evil.example\"\")\",'+1; Pay,'-IBC,AGENCY_CLOUD,,,'\tplan,\r\n"
        + "'=DOI,'@SUM(A1),Pay,\"'\r=1\",,,,,\r\n");
  }

  private static byte[] csv(String... rows) {
    return (String.join("\r\n", rows) + "\r\n").getBytes(StandardCharsets.UTF_8);
  }

  private static InvalidInventory invalid(ThrowingCallable call) {
    InvalidInventory refused = catchThrowableOfType(call, InvalidInventory.class);
    assertThat(refused).as("refused with InvalidInventory").isNotNull();
    assertThat(refused.getMessage()).startsWith("The inventory has " + refused.problems().size() + " problem")
        .contains("; nothing was stored:");
    return refused;
  }

  /** Asserts that the first problem is at {@code row} and {@code column} and its message contains {@code fragment}. */
  private static InvalidInventory assertProblem(ThrowingCallable call, int row,
      String column, String fragment) {
    InvalidInventory refused = invalid(call);
    assertThat(refused.problems()).first().satisfies(p -> {
      assertThat(p.row()).as("row").isEqualTo(row);
      assertThat(p.column()).as("column").isEqualTo(column);
      assertThat(p.message()).contains(fragment);
    });
    assertThat(refused.getMessage()).contains(fragment);
    return refused;
  }
}
