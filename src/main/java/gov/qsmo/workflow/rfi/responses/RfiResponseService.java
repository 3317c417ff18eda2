package gov.qsmo.workflow.rfi.responses;

import static gov.qsmo.workflow.rfi.RfiProcess.Variables.SCREENING_OVERRIDES;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.process.OfficeTime;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiService;
import gov.qsmo.workflow.rfi.RfiStatus;
import gov.qsmo.workflow.shared.ConflictException;
import gov.qsmo.workflow.shared.Inputs;
import gov.qsmo.workflow.shared.Upload;
import gov.qsmo.workflow.shared.InvalidRequestException;
import gov.qsmo.workflow.shared.NotFoundException;
import gov.qsmo.workflow.shared.PipeLines;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Responses to an RFI: accepted while it is open; after the close date refused, or accepted and
 * flagged late where the plan allows it. Then screened: automatic checks, confirmed or overridden
 * by a contracting officer.
 */
@Service
@Transactional
public class RfiResponseService {

  static final int MAX_ANSWER = gov.qsmo.workflow.shared.Inputs.MAX_TEXT;
  static final int MAX_ATTACHMENTS = 10;
  private static final Pattern UEI = Pattern.compile("[A-HJ-NP-Z1-9][A-HJ-NP-Z0-9]{11}");
  /** No spaces, and no invisible formatting characters (a right-to-left override, a zero-width space). */
  private static final Pattern EMAIL = Pattern.compile("[^@\\s\\p{Cf}]+@[^@\\s\\p{Cf}]+\\.[^@\\s\\p{Cf}]+");
  /** A ".." step in a path: a file name that would climb out of its folder. */

  private final RfiService records;
  private final RfiResponseRepository responses;
  private final RfiAttachmentRepository attachments;
  private final OfficeTime officeTime;

  RfiResponseService(RfiService records, RfiResponseRepository responses, RfiAttachmentRepository attachments,
      OfficeTime officeTime) {
    this.officeTime = officeTime;
    this.records = records;
    this.responses = responses;
    this.attachments = attachments;
  }

  public record TopicAnswer(Integer topic, String answer) {
  }

  public record Submission(String organization, String uei, Boolean smallBusiness, String contactName, String contactEmail,
      Boolean proprietary, List<TopicAnswer> answers) {
  }

  public RfiResponse submit(String rfiId, Submission submission, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    boolean late = requireAccepting(rfi);
    if (submission == null) {
      throw new InvalidRequestException("organization", "Send the response as JSON (see /swagger-ui.html).");
    }
    RfiResponse response = new RfiResponse(records.nextResponseId(), rfi.id, caller.userId(), records.now(), late);
    response.organization = required("organization", "Organization", submission.organization(), 200);
    String uei = Inputs.checkedText("uei", "UEI", submission.uei() == null ? "" : submission.uei(), 12);
    if (uei != null && !UEI.matcher(uei.toUpperCase(Locale.ROOT)).matches()) {
      throw new InvalidRequestException("uei", "The UEI '" + uei + "' is not a Unique Entity ID (12 letters and "
          + "digits, no O or I, not starting with 0).");
    }
    response.uei = uei == null ? null : uei.toUpperCase(Locale.ROOT);
    if (submission.smallBusiness() == null) {
      throw new InvalidRequestException("smallBusiness", "Say whether the respondent is a small business "
          + "(smallBusiness: true or false).");
    }
    response.smallBusiness = submission.smallBusiness();
    response.contactName = required("contactName", "Contact name", submission.contactName(), 200);
    response.contactEmail = required("contactEmail", "Contact e-mail", submission.contactEmail(), 200);
    if (!EMAIL.matcher(response.contactEmail).matches()) {
      throw new InvalidRequestException("contactEmail", "'" + response.contactEmail + "' is not an e-mail address.");
    }
    if (submission.proprietary() == null) {
      throw new InvalidRequestException("proprietary", "Say whether the response holds proprietary information "
          + "(proprietary: true or false).");
    }
    response.proprietary = submission.proprietary();
    Map<Integer, String> answers = new TreeMap<>();
    for (TopicAnswer answer : submission.answers() == null ? List.<TopicAnswer>of() : submission.answers()) {
      if (answer == null || answer.topic() == null || answer.topic() < 1 || answer.topic() > rfi.topics.size()) {
        throw new InvalidRequestException("answers", "Each answer names its topic by number, from 1 to "
            + rfi.topics.size() + (answer != null && answer.topic() != null ? " (" + answer.topic() + " given)" : "")
            + ".");
      }
      String text = Inputs.checkedText("answers", "Answer to topic " + answer.topic(),
          answer.answer() == null ? "" : answer.answer(), MAX_ANSWER);
      if (text != null && answers.put(answer.topic(), text) != null) {
        throw new InvalidRequestException("answers", "Topic " + answer.topic() + " is answered twice.");
      }
    }
    if (answers.isEmpty()) {
      throw new InvalidRequestException("answers", "Answer at least one topic.");
    }
    response.answers.putAll(answers);
    responses.save(response);
    records.record(rfi.id, caller.userId(), late ? "LATE_RESPONSE_ACCEPTED" : "RESPONSE_RECEIVED",
        response.id + " from " + response.organization + (late ? ", after the close at " + officeTime.dateTime(rfi.closesAt) : ""));
    return response;
  }

  /** True for a late response that the plan accepts; refuses a response the RFI does not take. */
  private boolean requireAccepting(Rfi rfi) {
    if (!rfi.planFrozen()) {
      throw new ConflictException("RFI " + rfi.id + " is not open for responses yet: its evaluation plan is "
          + "waiting for approval.");
    }
    boolean late = records.now().isAfter(rfi.closesAt);
    if (!late && rfi.status == RfiStatus.OPEN) {
      return false;
    }
    if (late && rfi.allowLate && (rfi.status == RfiStatus.OPEN || rfi.status == RfiStatus.SCREENING)) {
      return true;
    }
    if (late) {
      throw new ConflictException("RFI " + rfi.id + " closed for responses at " + officeTime.dateTime(rfi.closesAt)
          + (rfi.allowLate ? "; late responses were accepted until screening was confirmed."
              : "; it does not accept late responses."));
    }
    throw new ConflictException("RFI " + rfi.id + " no longer takes responses: its evaluation has begun (status "
        + rfi.status + ").");
  }

  private static String required(String field, String label, String value, int max) {
    String text = value == null ? null : Inputs.checkedText(field, label, value, max);
    if (text == null) {
      throw new InvalidRequestException(field, label + " is required.");
    }
    return text;
  }

  @Transactional(readOnly = true)
  public List<RfiResponse> of(String rfiId) {
    return responses.findByRfiIdOrderById(rfiId);
  }

  @Transactional(readOnly = true)
  public RfiResponse require(String rfiId, String responseId) {
    return responses.findById(responseId == null ? "" : responseId).filter(r -> r.rfiId.equals(rfiId))
        .orElseThrow(() -> new NotFoundException("RFI " + rfiId + " has no response '" + responseId + "'."));
  }

  public RfiAttachment attach(String rfiId, String responseId, String fileName, String contentType, byte[] content,
      Caller caller) {
    Rfi rfi = records.lock(rfiId);
    RfiResponse response = require(rfiId, responseId);
    if (!response.submittedBy.equals(caller.userId())) {
      throw new NotFoundException("RFI " + rfiId + " has no response '" + responseId + "' of yours.");
    }
    requireAccepting(rfi);
    Upload upload = Upload.checked(fileName, contentType, content);
    if (attachments.findByResponseIdOrderById(responseId).size() >= MAX_ATTACHMENTS) {
      throw new ConflictException("Response " + responseId + " has " + MAX_ATTACHMENTS + " attachments already.");
    }
    String name = upload.fileName();
    RfiAttachment attachment = attachments.save(new RfiAttachment(responseId, name, upload.contentType(), content,
        upload.sha256(), caller.userId(), records.now()));
    records.record(rfiId, caller.userId(), "ATTACHMENT_ADDED", responseId + ": " + name + " (" + content.length
        + " bytes)");
    return attachment;
  }

  @Transactional(readOnly = true)
  public List<RfiAttachment> attachmentsOf(String responseId) {
    return attachments.findByResponseIdOrderById(responseId);
  }

  @Transactional(readOnly = true)
  public RfiAttachment attachment(String responseId, long attachmentId) {
    RfiAttachment attachment = attachments.findById(attachmentId).filter(a -> a.responseId.equals(responseId))
        .orElseThrow(() -> new NotFoundException("Response " + responseId + " has no attachment " + attachmentId
            + "."));
    attachment.content.getClass(); // loads the lazy content inside the transaction
    return attachment;
  }

  /** The automatic checks: on time, every topic answered. Eligible when both pass, until a contracting officer overrides. */
  void screen(Rfi rfi) {
    for (RfiResponse response : of(rfi.id)) {
      if (response.screenedBy != null) {
        continue;
      }
      response.onTime = !response.late;
      response.allTopicsAnswered = java.util.stream.IntStream.rangeClosed(1, rfi.topics.size())
          .allMatch(topic -> response.answers.containsKey(topic));
      response.eligible = response.onTime && response.allTopicsAnswered;
      responses.save(response);
    }
  }

  /**
   * The contracting officer's confirmation; overrides are lines "RSP-2026-0001 | include | reason" or
   * "... | exclude | reason". Returns how many responses go on to the panel.
   */
  long confirmScreening(String rfiId, boolean override, String overrides, Caller caller) {
    Rfi rfi = records.lock(rfiId);
    screen(rfi);
    List<RfiResponse> all = of(rfiId);
    int changed = 0;
    if (override) {
      if (overrides == null) {
        throw new InvalidRequestException(SCREENING_OVERRIDES, "Write each override on a line: "
            + "'response id | include or exclude | reason'.");
      }
      for (PipeLines.Line line : PipeLines.parse(overrides, 3)) {
        List<String> parts = line.parts();
        String where = "Overrides, line " + line.number();
        if (parts.size() < 3 || parts.get(2).isBlank()) {
          throw new InvalidRequestException(SCREENING_OVERRIDES, where
              + ": write 'response id | include or exclude | reason'; the reason is required.");
        }
        String id = line.part(0);
        RfiResponse response = all.stream().filter(r -> r.id.equals(id)).findFirst().orElseThrow(() ->
            new InvalidRequestException(SCREENING_OVERRIDES, where + ": RFI " + rfiId + " has no response '" + id
                + "'."));
        String action = line.part(1).toLowerCase(Locale.ROOT);
        if (!action.equals("include") && !action.equals("exclude")) {
          throw new InvalidRequestException(SCREENING_OVERRIDES, where + ": say 'include' or 'exclude', not '"
              + line.part(1) + "'.");
        }
        response.eligible = action.equals("include");
        response.overrideReason = Inputs.checkedText(SCREENING_OVERRIDES, "Override reason", parts.get(2), 2000);
        changed++;
      }
      if (changed == 0) {
        throw new InvalidRequestException(SCREENING_OVERRIDES, "You chose to override the screening: write at "
            + "least one override line, or confirm the screening as it is.");
      }
    }
    for (RfiResponse response : all) {
      response.screenedBy = caller.userId();
      responses.save(response);
    }
    long eligible = all.stream().filter(RfiResponse::isEligible).count();
    rfi.screeningConfirmedAt = records.now();
    records.moveTo(rfi, eligible > 0 ? RfiStatus.PANEL_FORMING : RfiStatus.CLOSED_NO_RESPONSES, caller.userId(),
        override ? "SCREENING_OVERRIDDEN" : "SCREENING_CONFIRMED",
        eligible + " of " + all.size() + " responses go to the panel" + (override ? "; " + changed + " overridden"
            : ""));
    return eligible;
  }

  @Transactional(readOnly = true)
  public List<RfiResponse> eligible(String rfiId) {
    return of(rfiId).stream().filter(RfiResponse::isEligible).toList();
  }
}
