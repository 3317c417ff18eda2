package gov.qsmo.workflow.inventory;

import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.PipeLines;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An agency's systems inventory, uploaded as a CSV file or typed as form lines, checked row by row. Every problem
 * of the upload is collected and reported at once, each naming its row and column, so that the agency can fix the
 * whole file in one pass; an upload with any problem is refused as a whole.
 *
 * <p>The CSV is UTF-8 (a byte order mark is skipped), with CRLF or LF line ends and RFC 4180 quoting: a value in
 * double quotes may hold commas, line breaks and doubled quotes. The first row is the header and must name
 * {@link #COLUMNS} in that order. Blank rows are skipped but counted: row n is the n-th record under the header,
 * line n + 1 in a spreadsheet. A value a spreadsheet would read as a formula is refused, never stored.
 */
public final class InventoryCsv {

  /** The columns, in order, as the header row names them. */
  public static final List<String> COLUMNS = List.of("system_name", "functions", "provider", "hosting",
      "contract_end_date", "annual_cost", "modernization_plan", "modernization_target_date");
  /** A file over this is refused before parsing: 2 MiB. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;
  /** Systems per agency submission. */
  public static final int MAX_ROWS = 2000;
  /** The message names at most this many problems, then says how many more there are. */
  public static final int MAX_PROBLEMS_LISTED = 50;
  static final int MAX_TEXT = 200;
  static final int MAX_PLAN = 2000;
  static final int MAX_FUNCTIONS = 10;
  static final int MAX_FUNCTION = 100;
  static final BigDecimal MAX_COST = new BigDecimal("1000000000000");
  static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
  static final LocalDate LATEST = LocalDate.of(2100, 12, 31);

  private static final String FILE = "file";
  private static final String LINES = "inventoryLines";
  private static final int FUNCTIONS = 1, HOSTING = 3, COST = 5, PLAN = 6;
  private static final String FORMULA_STARTS = "=+-@\t\r";
  private static final String HEADER = String.join(",", COLUMNS);
  private static final String EMPTY = "the file is empty; upload a CSV file with the header " + HEADER
      + " and one row per system.";
  private static final String HOSTINGS = "on premises, agency cloud, commercial cloud or shared service provider";
  private static final String FORMULA = ": formulas are not accepted; remove the leading character.";
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern AMOUNT = Pattern.compile("\\$?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");

  /** Where the system runs. Input is case-insensitive; spaces and '-' may stand for '_' ("on-premises"). */
  public enum Hosting { ON_PREMISES, AGENCY_CLOUD, COMMERCIAL_CLOUD, SHARED_SERVICE_PROVIDER }

  /** One system of the inventory; optional values are null, {@code annualCost} has 2 decimals. */
  public record SystemLine(int row, String systemName, List<String> functions, String provider, Hosting hosting,
      LocalDate contractEndDate, BigDecimal annualCost, String modernizationPlan, LocalDate modernizationTargetDate) {
  }

  /**
   * What is wrong where. {@code row} is the data row (from 1; 0 is the header or the whole file); {@code column} is
   * one of {@link #COLUMNS}, a header name (trimmed, lower case), or the field ("file", "inventoryLines") when the
   * problem concerns a whole row or the whole upload.
   */
  public record Problem(int row, String column, String message) {
  }

  /** A system of the consolidated export, with the agency that listed it. */
  public record AgencySystem(String agencyCode, SystemLine system) {
  }

  /** Thrown with every problem of the upload; nothing of it is to be stored. field() is "file" or "inventoryLines". */
  public static final class InvalidInventory extends InvalidRequestException {
    private final List<Problem> problems;

    InvalidInventory(String field, List<Problem> problems) {
      super(field, summary(field, problems));
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  private InventoryCsv() {
  }

  /** The systems of an uploaded CSV file (field "file"); throws {@link InvalidInventory} listing every problem. */
  public static List<SystemLine> parseCsv(byte[] file) {
    if (file == null || file.length == 0) {
      throw refused(FILE, 0, EMPTY);
    }
    if (file.length > MAX_BYTES) {
      throw refused(FILE, 0, "the file has " + file.length + " bytes; upload at most " + MAX_BYTES + " bytes (2 MiB).");
    }
    String text = utf8(file);
    List<List<String>> records = records(text.startsWith("\uFEFF") ? text.substring(1) : text);
    if (records.stream().allMatch(InventoryCsv::blank)) {
      throw refused(FILE, 0, EMPTY);
    }
    List<Problem> problems = checkHeader(records.get(0));
    if (!problems.isEmpty()) {
      throw new InvalidInventory(FILE, problems);
    }
    List<PipeLines.Line> rows = new ArrayList<>();
    for (int r = 1; r < records.size(); r++) {
      rows.add(new PipeLines.Line(r, records.get(r)));
    }
    return systems(FILE, rows);
  }

  /**
   * The systems of the form's text (field "inventoryLines"): one system per line, the same eight values in the same
   * order separated by '|', no header. Row n is line n; blank lines are skipped.
   */
  public static List<SystemLine> parseLines(String text) {
    if (text != null && text.length() > MAX_BYTES) {
      throw refused(LINES, 0, "the text has " + text.length() + " characters; give at most " + MAX_BYTES + ".");
    }
    return systems(LINES, PipeLines.parse(text, -1));
  }

  /**
   * The consolidated inventory as CSV: UTF-8 with a byte order mark (so that Excel reads it as UTF-8), the header
   * agency_code followed by {@link #COLUMNS}, CRLF line ends, RFC 4180 quoting. Functions are joined by "; ",
   * hosting is the constant's name, dates are yyyy-mm-dd, null values are empty cells. A cell a spreadsheet would
   * read as a formula (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as in the RFI report CSV.
   * {@link #parseCsv} reads the export back, once the agency_code column is removed.
   */
  public static byte[] toCsv(List<AgencySystem> systems) {
    StringBuilder out = new StringBuilder("\uFEFFagency_code,").append(HEADER).append("\r\n");
    for (AgencySystem entry : systems) {
      SystemLine s = entry.system();
      List<Object> cells = Arrays.asList(entry.agencyCode(), s.systemName(),
          s.functions() == null ? null : String.join("; ", s.functions()), s.provider(), s.hosting(),
          s.contractEndDate(), s.annualCost() == null ? null : s.annualCost().toPlainString(),
          s.modernizationPlan(), s.modernizationTargetDate());
      for (int i = 0; i < cells.size(); i++) {
        out.append(i == 0 ? "" : ",").append(cell(cells.get(i) == null ? "" : cells.get(i).toString()));
      }
      out.append("\r\n");
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * A cell as an export writes it: neutralized with a leading apostrophe when a spreadsheet would read it as a
   * formula, quoted when it holds a comma, a quote or a line end.
   */
  static String cell(String value) {
    String text = !value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    boolean quote = text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
    return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
  }

  /** The same for one agency's systems. */
  public static byte[] toCsv(String agencyCode, List<SystemLine> lines) {
    return toCsv(lines.stream().map(line -> new AgencySystem(agencyCode, line)).toList());
  }

  /** Decodes strictly: a byte sequence that is not UTF-8 refuses the file, naming its byte and line. */
  private static String utf8(byte[] file) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(file);
    CharBuffer out = CharBuffer.allocate(file.length); // UTF-8 never gives more chars than bytes
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError() || decoder.flush(out).isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += file[i] == '\n' ? 1 : 0;
      }
      throw refused(FILE, 0, "the file is not UTF-8 text: byte " + (offset + 1) + " (line " + line
          + ") cannot be read; save the file as \"CSV UTF-8\" and upload it again.");
    }
    return out.flip().toString();
  }

  /**
   * RFC 4180 records. Outside quotes CRLF, LF or CR ends a record; a quote inside an unquoted value, or after a
   * closing quote, is kept as written. A quote never closed refuses the file.
   */
  private static List<List<String>> records(String text) {
    List<List<String>> records = new ArrayList<>();
    List<String> record = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted && c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
        cell.append(c);
        i++;
      } else if (quoted && c == '"') {
        quoted = false;
      } else if (quoted) {
        cell.append(c);
      } else if (c == '"' && cell.length() == 0 && !wasQuoted) {
        quoted = wasQuoted = true;
      } else if (c == ',' || c == '\r' || c == '\n') {
        record.add(cell.toString());
        cell.setLength(0);
        wasQuoted = false;
        if (c != ',') {
          records.add(record);
          record = new ArrayList<>();
          i += c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n' ? 1 : 0;
        }
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw refused(FILE, records.size(), "a quoted value is never closed; add the closing '\"' (a '\"' inside a "
          + "quoted value is written twice: \"\").");
    }
    if (cell.length() > 0 || !record.isEmpty() || wasQuoted) {
      record.add(cell.toString());
      records.add(record);
    }
    return records;
  }

  /**
   * One problem per wrong header column: by position when the count is right, else the missing and extra ones. The
   * header to write is named once, with the first of them (the answer lists the first problems of many).
   */
  private static List<Problem> checkHeader(List<String> header) {
    List<Problem> problems = headerProblems(header);
    if (!problems.isEmpty()) {
      Problem first = problems.get(0);
      problems.set(0, new Problem(first.row(), first.column(), first.message()
          + "; the header must be exactly: " + HEADER + "."));
    }
    return problems;
  }

  private static List<Problem> headerProblems(List<String> header) {
    List<Problem> problems = new ArrayList<>();
    List<String> names = header.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
    if (blank(header)) {
      problems.add(new Problem(0, FILE, "the first row is empty"));
    } else if (names.size() == COLUMNS.size()) {
      for (int i = 0; i < names.size(); i++) {
        if (!names.get(i).equals(COLUMNS.get(i))) {
          problems.add(new Problem(0, COLUMNS.get(i), "column " + (i + 1) + " is " + quoted(header.get(i).strip())
              + " where '" + COLUMNS.get(i) + "' belongs"));
        }
      }
    } else {
      COLUMNS.stream().filter(expected -> !names.contains(expected))
          .forEach(missing -> problems.add(new Problem(0, missing, "column '" + missing + "' is missing")));
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i);
        String unnamed = "column " + (i + 1);
        if (name.isEmpty()) {
          problems.add(new Problem(0, unnamed, unnamed + " has no name"));
        } else if (!COLUMNS.contains(name) || names.indexOf(name) < i) {
          problems.add(new Problem(0, name, quoted(name) + (COLUMNS.contains(name) ? " appears more than once"
              : " is not a column")));
        }
      }
    }
    return problems;
  }

  /** Checks every row; returns the systems, or throws with every problem found. */
  private static List<SystemLine> systems(String field, List<PipeLines.Line> rows) {
    List<Problem> problems = new ArrayList<>();
    List<SystemLine> systems = new ArrayList<>();
    Map<String, Integer> names = new HashMap<>();
    int count = 0;
    for (PipeLines.Line row : rows) {
      if (blank(row.parts())) {
        continue;
      }
      if (++count > MAX_ROWS) {
        problems.add(new Problem(row.number(), field, "the inventory lists more than " + MAX_ROWS
            + " systems; submit at most " + MAX_ROWS + " per agency."));
        break;
      }
      if (row.size() != COLUMNS.size()) {
        problems.add(new Problem(row.number(), field, "has " + row.size() + " values; " + (field.equals(FILE)
            ? "the header has " + COLUMNS.size() + ". Put a value holding a comma (such as $1,250,000) in quotes."
            : "write " + COLUMNS.size() + ", separated by '|': " + String.join(" | ", COLUMNS) + ".")));
        continue;
      }
      int before = problems.size();
      SystemLine system = new Cells(row.number(), row.parts(), problems).system(names);
      if (problems.size() == before) {
        systems.add(system);
      }
    }
    if (count == 0 && problems.isEmpty()) {
      problems.add(new Problem(0, field, "the inventory lists no systems; add one "
          + (field.equals(FILE) ? "row under the header" : "line") + " per system."));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInventory(field, problems);
    }
    return List.copyOf(systems);
  }

  /** The checks of one row's values: each failed check adds a problem and gives null. */
  private record Cells(int row, List<String> values, List<Problem> problems) {

    SystemLine system(Map<String, Integer> names) {
      String name = text(0, MAX_TEXT, "give the system's name.");
      List<String> functions = functions();
      String provider = text(2, MAX_TEXT, "name who provides the system: the agency itself or a vendor.");
      Hosting hosting = hosting(text(HOSTING, MAX_TEXT, "write " + HOSTINGS + "."));
      LocalDate contractEnd = date(4);
      BigDecimal cost = cost(text(COST, MAX_TEXT, null));
      String plan = text(PLAN, MAX_PLAN, null);
      LocalDate target = date(7);
      Integer first = name == null ? null : names.putIfAbsent(name.toLowerCase(Locale.ROOT), row);
      if (first != null) {
        problem(0, quoted(name) + " is already listed on row " + first + "; list each system once.");
      }
      return new SystemLine(row, name, functions, provider, hosting, contractEnd, cost,
          plan == null ? null : plan.replace("\r\n", "\n").replace('\r', '\n'), target);
    }

    /**
     * The value without the spaces around it, of at most {@code max} characters; null when blank or refused. A
     * formula (after leading spaces), a control character other than tab, or a line break outside the plan is
     * refused. {@code required} says what to write when the value is blank, null when it is optional.
     */
    private String text(int column, int max, String required) {
      String raw = values.get(column);
      String lead = raw.replaceFirst("^ +", "");
      if (!lead.isBlank() && FORMULA_STARTS.indexOf(lead.charAt(0)) >= 0) {
        return column == COST && lead.startsWith("-") && AMOUNT.matcher(lead.substring(1).strip()).matches()
            ? problem(column, quoted(lead.strip()) + " is negative; give the yearly cost in dollars, 0 or more.")
            : problem(column, "starts with " + shown(lead.charAt(0)) + FORMULA);
      }
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if ((c == '\n' || c == '\r') && column != PLAN) {
          return problem(column, "contains a line break; write the value on one line.");
        }
        if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
          return problem(column, "contains a control character (U+" + String.format("%04X", (int) c)
              + " at position " + (i + 1) + "); remove it.");
        }
      }
      String value = raw.strip();
      if (value.length() > max) {
        return problem(column, "is " + value.length() + " characters long; shorten it to at most " + max + ".");
      }
      return value.isEmpty() ? required == null ? null : problem(column, "is empty; " + required) : value;
    }

    private List<String> functions() {
      String value = text(FUNCTIONS, Integer.MAX_VALUE, "list the system's functions, separated by ';'.");
      List<String> functions = new ArrayList<>();
      for (String part : value == null ? new String[0] : value.split(";")) {
        String function = part.strip();
        if (function.length() > MAX_FUNCTION) {
          return problem(FUNCTIONS, "the function " + quoted(function) + " is " + function.length()
              + " characters long; shorten each function to at most " + MAX_FUNCTION + ".");
        }
        if (!function.isEmpty() && FORMULA_STARTS.indexOf(function.charAt(0)) >= 0) {
          return problem(FUNCTIONS, "the function " + quoted(function) + " starts with " + shown(function.charAt(0))
              + FORMULA);
        }
        if (!function.isEmpty()) {
          functions.add(function);
        }
      }
      if (value != null && functions.isEmpty()) {
        return problem(FUNCTIONS, "names no function; list the system's functions, separated by ';'.");
      }
      if (functions.size() > MAX_FUNCTIONS) {
        return problem(FUNCTIONS, "lists " + functions.size() + " functions; list at most " + MAX_FUNCTIONS
            + ", combining related ones.");
      }
      return value == null ? null : List.copyOf(functions);
    }

    private Hosting hosting(String value) {
      try {
        return value == null ? null : Hosting.valueOf(value.toUpperCase(Locale.ROOT).replaceAll("[\\s_-]+", "_"));
      } catch (IllegalArgumentException unknown) {
        return problem(HOSTING, quoted(value) + " is not a kind of hosting; write " + HOSTINGS + ".");
      }
    }

    private LocalDate date(int column) {
      String value = text(column, MAX_TEXT, null);
      if (value == null) {
        return null;
      }
      if (!DATE.matcher(value).matches()) {
        return problem(column, quoted(value) + " is not a date; write yyyy-mm-dd.");
      }
      try {
        LocalDate date = LocalDate.parse(value);
        return date.isBefore(EARLIEST) || date.isAfter(LATEST)
            ? problem(column, quoted(value) + " is outside " + EARLIEST + " to " + LATEST + "; check the year.")
            : date;
      } catch (DateTimeParseException noSuchDay) {
        return problem(column, quoted(value) + " is not a day of the calendar; write a real date as yyyy-mm-dd.");
      }
    }

    /** Dollars: digits, an optional '$' before and ',' between thousands, at most 2 decimals, at most 10^12. */
    private BigDecimal cost(String value) {
      Matcher amount = value == null ? null : AMOUNT.matcher(value);
      if (amount == null) {
        return null;
      }
      if (!amount.matches()) {
        return problem(COST, quoted(value) + " is not a number; give the yearly cost in dollars, such as 125000 or "
            + "$1,250,000.50.");
      }
      if (amount.group(2) != null && amount.group(2).length() > 3) {
        return problem(COST, quoted(value) + " has more than 2 decimals; round it to cents.");
      }
      BigDecimal cost = new BigDecimal(value.replace("$", "").replace(",", "")).setScale(2, RoundingMode.UNNECESSARY);
      return cost.compareTo(MAX_COST) > 0
          ? problem(COST, quoted(value) + " is more than 1,000,000,000,000; give the yearly cost in dollars.")
          : cost;
    }

    private <T> T problem(int column, String message) {
      problems.add(new Problem(row, COLUMNS.get(column), message));
      return null;
    }
  }

  private static boolean blank(List<String> values) {
    return values.stream().allMatch(String::isBlank);
  }

  /** A value for a message: in quotes, shortened to 40 characters. */
  private static String quoted(String value) {
    return "'" + (value.length() > 40 ? value.substring(0, 39) + "…" : value) + "'";
  }

  private static String shown(char c) {
    return c == '\t' ? "a tab" : c == '\r' ? "a carriage return" : "'" + c + "'";
  }

  private static InvalidInventory refused(String field, int row, String message) {
    return new InvalidInventory(field, List.of(new Problem(row, field, message)));
  }

  /** "The inventory has 3 problems; nothing was stored: row 2, annual_cost: … row 4, …" */
  private static String summary(String field, List<Problem> problems) {
    StringBuilder out = new StringBuilder("The inventory has ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems").append("; nothing was stored:");
    for (Problem p : problems.subList(0, Math.min(problems.size(), MAX_PROBLEMS_LISTED))) {
      String column = p.column().equals(field) ? "" : p.column();
      out.append(p.row() > 0 ? " row " + p.row() + (column.isEmpty() ? ": " : ", " + column + ": ")
          : column.isEmpty() ? " " : " header: ").append(p.message());
    }
    if (problems.size() > MAX_PROBLEMS_LISTED) {
      out.append(" … and ").append(problems.size() - MAX_PROBLEMS_LISTED).append(" more.");
    }
    return out.toString();
  }
}
