package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.shared.Inputs;

/**
 * Texts for task forms that are Camunda string variables (a plan section, the scope): each fits in
 * 4,000 characters and the full record stays in the application's tables. Votes, tallies and
 * conditions are JSON variables instead and are never cut (see {@link DesignationForms}).
 */
final class BoardSummaries {

  private static final String CUT = " [...] (the full text is in the designation's record)";

  private BoardSummaries() {
  }

  static String fit(String text) {
    if (text == null || text.length() <= Inputs.MAX_TEXT) {
      return text;
    }
    return text.substring(0, Inputs.MAX_TEXT - CUT.length()) + CUT;
  }
}
