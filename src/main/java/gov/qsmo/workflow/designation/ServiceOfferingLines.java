package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.process.MarkdownText;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.PipeLines;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The "Proposed service offerings" section as the plan form holds it: one offering per line,
 * {@code name | federal or commercial | provider | contract vehicle}. (Camunda Forms in Tasklist 7
 * have no list field that works without Camunda Spin, so the form keeps a textarea and the server
 * reads its lines.) Blank lines are skipped; every other line must be a complete offering.
 */
final class ServiceOfferingLines {

  /** The most offerings one plan version may list. */
  static final int MAX_OFFERINGS = 50;
  /** The longest name, provider or contract vehicle. */
  static final int MAX_PART = 200;
  static final String FORMAT = "name | federal or commercial | provider | contract vehicle";
  static final String EXAMPLE = "Payroll processing | federal | Interior Business Center | Interagency agreement";

  private static final String FIELD = PlanSection.SERVICE_OFFERINGS.key();
  private static final String LABEL = PlanSection.SERVICE_OFFERINGS.title();
  private static final String HEADER = "| # | Offering | Provider type | Provider | Contract vehicle |\n"
      + "|---|---|---|---|---|";
  /** Room kept for the note that says how many rows did not fit. */
  private static final int NOTE_ROOM = 160;

  private ServiceOfferingLines() {
  }

  /**
   * The offerings of the section's text, in the order of its lines; none when there is no text.
   * Refuses the first line that is not a complete offering, naming its number and what to fix.
   */
  static List<ServiceOffering> parse(String text) {
    if (text == null) {
      return List.of();
    }
    List<PipeLines.Line> lines = PipeLines.parse(text, -1);
    int count = lines.size();
    if (count > MAX_OFFERINGS) {
      throw new InvalidRequestException(FIELD, LABEL + " lists " + count + " offerings; a plan lists at most "
          + MAX_OFFERINGS + ": combine related offerings into one line.");
    }
    List<ServiceOffering> offerings = new ArrayList<>();
    for (PipeLines.Line line : lines) {
      offerings.add(parseLine(line, LABEL + ", line " + line.number()));
    }
    return List.copyOf(offerings);
  }

  private static ServiceOffering parseLine(PipeLines.Line line, String where) {
    List<String> parts = line.parts();
    if (parts.size() == 1) {
      throw new InvalidRequestException(FIELD, where + " is not an offering: write it as " + FORMAT + " (for example "
          + EXAMPLE + ").");
    }
    if (parts.size() != 4) {
      throw new InvalidRequestException(FIELD, where + " has " + parts.size() + " parts separated by '|'; write four: "
          + FORMAT + ".");
    }
    String name = part(parts.get(0), where, "name");
    String type = part(parts.get(1), where, "provider type");
    String provider = part(parts.get(2), where, "provider");
    String contractVehicle = part(parts.get(3), where, "contract vehicle");
    ServiceOffering.ProviderType providerType = switch (type.toLowerCase(Locale.ROOT)) {
      case "federal" -> ServiceOffering.ProviderType.FEDERAL;
      case "commercial" -> ServiceOffering.ProviderType.COMMERCIAL;
      default -> throw new InvalidRequestException(FIELD, where + ": the provider type '" + type
          + "' must be federal or commercial.");
    };
    return new ServiceOffering(name, providerType, provider, contractVehicle);
  }

  private static String part(String text, String where, String part) {
    // The spaces around '|' do not count against the part's length.
    String checked = Inputs.checkedText(FIELD, where + ": the " + part, text.strip(), MAX_PART);
    if (checked == null) {
      throw new InvalidRequestException(FIELD, where + ": the " + part + " is missing; write " + FORMAT + ".");
    }
    return checked;
  }

  /**
   * The offerings as a markdown table for a task form. A form variable holds at most 4,000 characters:
   * rows that do not fit are left out, and a note says how many.
   */
  static String table(List<ServiceOffering> offerings) {
    StringBuilder table = new StringBuilder(HEADER);
    for (int i = 0; i < offerings.size(); i++) {
      ServiceOffering offering = offerings.get(i);
      String row = "\n| " + (i + 1) + " | " + MarkdownText.literal(offering.name()) + " | "
          + offering.providerType().label() + " | " + MarkdownText.literal(offering.provider()) + " | "
          + MarkdownText.literal(offering.contractVehicle()) + " |";
      if (table.length() + row.length() > Inputs.MAX_TEXT - NOTE_ROOM) {
        int left = offerings.size() - i;
        return table.append("\n\n*").append(left).append(left == 1 ? " more offering" : " more offerings")
            .append(" did not fit here: the designation's plan versions (API) list every one.*").toString();
      }
      table.append(row);
    }
    return table.toString();
  }
}
