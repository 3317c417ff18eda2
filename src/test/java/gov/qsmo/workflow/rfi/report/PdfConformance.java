package gov.qsmo.workflow.rfi.report;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** Validates a PDF with veraPDF against a PDF/A or PDF/UA profile and lists the rules it fails. */
public final class PdfConformance {

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  private PdfConformance() {
  }

  /** The failed rules ("clause-test: message (where)"), each once; empty when the document conforms. */
  public static List<String> failedRules(byte[] pdf, PDFAFlavour flavour) {
    try (PDFAParser parser = Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), flavour);
        PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
      ValidationResult result = validator.validate(parser);
      Set<String> failed = new LinkedHashSet<>();
      for (TestAssertion assertion : result.getTestAssertions()) {
        if (assertion.getStatus() == TestAssertion.Status.FAILED) {
          failed.add(assertion.getRuleId().getClause() + "-" + assertion.getRuleId().getTestNumber() + ": "
              + assertion.getMessage() + " (" + assertion.getLocationContext() + ")");
        }
      }
      if (failed.isEmpty() && !result.isCompliant()) {
        failed.add("not compliant: " + result.getFailedChecks());
      }
      return List.copyOf(failed);
    } catch (Exception e) {
      throw new IllegalStateException("veraPDF could not validate the document", e);
    }
  }
}
