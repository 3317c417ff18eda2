package gov.qsmo.workflow.designation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.qsmo.workflow.designation.ServiceOffering.ProviderType;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How a line of "Proposed service offerings" becomes an offering, and how offerings are shown. */
class ServiceOfferingLinesTests {

  @Test
  void eachPartIsTrimmedAndTheProviderTypeReadWhateverItsCase() {
    assertThat(ServiceOfferingLines.parse("\r\n  Payroll |Federal|  USDA National Finance Center | IAA \r\n\r\n"
        + "Time and attendance\t| COMMERCIAL | Vendor A | GSA MAS"))
        .containsExactly(
            new ServiceOffering("Payroll", ProviderType.FEDERAL, "USDA National Finance Center", "IAA"),
            new ServiceOffering("Time and attendance", ProviderType.COMMERCIAL, "Vendor A", "GSA MAS"));
    assertThat(ServiceOfferingLines.parse(null)).isEmpty();
    assertThat(ServiceOfferingLines.parse(" \n\t\n")).isEmpty();
  }

  @Test
  void aBadLineIsRefusedWithItsNumberAndWhatToFix() {
    assertRefused("A | federal | B | C\nA | federal | B | C | D",
        "Proposed service offerings, line 2 has 5 parts separated by '|'; write four: "
            + "name | federal or commercial | provider | contract vehicle.");
    assertRefused("\n\nOne provider for everything",
        "Proposed service offerings, line 3 is not an offering: write it as name | federal or commercial | "
            + "provider | contract vehicle (for example Payroll processing | federal | Interior Business Center | "
            + "Interagency agreement).");
    assertRefused("A | federal | B | C\n | federal | B | C",
        "Proposed service offerings, line 2: the name is missing; write name | federal or commercial | provider | "
            + "contract vehicle.");
    assertRefused("A | | B | C", "Proposed service offerings, line 1: the provider type is missing; write "
        + "name | federal or commercial | provider | contract vehicle.");
    assertRefused("A | federal | B |   ", "Proposed service offerings, line 1: the contract vehicle is missing; "
        + "write name | federal or commercial | provider | contract vehicle.");
    assertRefused("A | state | B | C",
        "Proposed service offerings, line 1: the provider type 'state' must be federal or commercial.");
    assertThat(ServiceOfferingLines.parse("A | federal | " + "x".repeat(200) + " | C").get(0).provider()).hasSize(200);
    assertRefused("A | federal | " + "x".repeat(201) + " | C",
        "Proposed service offerings, line 1: the provider is 201 characters long; shorten it to at most 200.");
    assertRefused("A | federal | B\u0007 | C",
        "Proposed service offerings, line 1: the provider contains a control character (position 2); remove it.");
  }

  @Test
  void aPlanListsAtMostFiftyOfferings() {
    String fifty = String.join("\n", Collections.nCopies(50, "A | federal | B | C"));

    assertThat(ServiceOfferingLines.parse(fifty + "\n\n")).hasSize(50);
    assertRefused(fifty + "\nA | federal | B | C", "Proposed service offerings lists 51 offerings; a plan lists at "
        + "most 50: combine related offerings into one line.");
  }

  @Test
  void theTableFitsAFormVariableAndSaysHowManyRowsItLeftOut() {
    List<ServiceOffering> offerings = IntStream.rangeClosed(1, 50)
        .mapToObj(i -> new ServiceOffering("Offering " + i + " " + "n".repeat(60), ProviderType.FEDERAL,
            "Provider " + "p".repeat(60), "Vehicle"))
        .collect(Collectors.toList());

    String table = ServiceOfferingLines.table(offerings);

    assertThat(table.length()).isLessThanOrEqualTo(Inputs.MAX_TEXT);
    int rows = (int) table.lines().filter(line -> line.startsWith("| ") && !line.startsWith("| #")).count();
    assertThat(rows).isBetween(20, 49);
    assertThat(table).endsWith("*" + (50 - rows) + " more offerings did not fit here: the designation's plan "
        + "versions (API) list every one.*");
    assertThat(ServiceOfferingLines.table(offerings.subList(0, 1))).isEqualTo("""
        | # | Offering | Provider type | Provider | Contract vehicle |
        |---|---|---|---|---|
        | 1 | %s | Federal | %s | Vehicle |""".formatted(offerings.get(0).name(), offerings.get(0).provider()));
  }

  private static void assertRefused(String text, String message) {
    assertThatThrownBy(() -> ServiceOfferingLines.parse(text))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((InvalidRequestException) e).field()).isEqualTo("serviceOfferings"));
  }
}
