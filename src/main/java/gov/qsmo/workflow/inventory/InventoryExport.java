package gov.qsmo.workflow.inventory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The consolidated inventory as CSV: UTF-8 with a byte order mark (Excel opens it with every name intact), RFC 4180
 * quoting, and a cell that would start a formula (= + - @, tab, CR) given a leading apostrophe.
 */
final class InventoryExport {

  static final List<String> HEADER = Stream.concat(Stream.of("agency_code", "version"),
      InventoryCsv.COLUMNS.stream()).toList();

  private InventoryExport() {
  }

  static void writeHeader(OutputStream out) throws IOException {
    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    line(out, HEADER);
  }

  static void writeRow(OutputStream out, InventoryQueries.SystemRow row) throws IOException {
    line(out, List.of(row.agencyCode(), String.valueOf(row.version()), row.systemName(), row.functions(),
        row.provider(), row.hosting(), text(row.contractEndDate()),
        row.annualCost() == null ? "" : row.annualCost().toPlainString(), text(row.modernizationPlan()),
        text(row.modernizationTargetDate())));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static void line(OutputStream out, List<String> cells) throws IOException {
    out.write((cells.stream().map(InventoryCsv::cell).collect(Collectors.joining(",")) + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
  }
}
