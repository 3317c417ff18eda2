package gov.qsmo.workflow.inventory;

import java.io.ByteArrayOutputStream;
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

  static void writeHeader(ByteArrayOutputStream out) {
    out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    line(out, HEADER);
  }

  static void writeRow(ByteArrayOutputStream out, InventoryQueries.SystemRow row) {
    line(out, List.of(row.agencyCode(), String.valueOf(row.version()), row.systemName(), row.functions(),
        row.provider(), row.hosting(), text(row.contractEndDate()),
        row.annualCost() == null ? "" : row.annualCost().toPlainString(), text(row.modernizationPlan()),
        text(row.modernizationTargetDate())));
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static void line(ByteArrayOutputStream out, List<String> cells) {
    out.writeBytes((cells.stream().map(InventoryCsv::cell).collect(Collectors.joining(",")) + "\r\n")
        .getBytes(StandardCharsets.UTF_8));
  }
}
