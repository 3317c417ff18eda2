package gov.qsmo.workflow.rfi.responses;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiAccess;
import gov.qsmo.workflow.rfi.RfiApi;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The responses step's API: submit a response, read those one may see, their attachments. */
@RestController
@RequestMapping(RfiApi.PATH)
@Tag(name = RfiApi.TAG, description = RfiApi.TAG_DESCRIPTION)
class RfiResponseController {

  private final RfiResponseService responses;
  private final RfiAccess access;

  RfiResponseController(RfiResponseService responses, RfiAccess access) {
    this.responses = responses;
    this.access = access;
  }

  record AnswerView(int topic, String question, String answer) {
  }

  record AttachmentView(long id, String fileName, String contentType, long sizeBytes, String sha256,
      Instant uploadedAt) {

    static AttachmentView of(RfiAttachment a) {
      return new AttachmentView(a.id, a.fileName, a.contentType, a.sizeBytes, a.sha256, a.uploadedAt);
    }
  }

  record ScreeningView(Boolean onTime, Boolean allTopicsAnswered, Boolean eligible, String overrideReason,
      String screenedBy) {
  }

  record ResponseView(String id, String rfiId, String organization, String uei, boolean smallBusiness,
      String contactName, String contactEmail, boolean proprietary, Instant receivedAt, boolean late,
      String submittedBy, ScreeningView screening, List<AnswerView> answers, String answersWithheld,
      List<AttachmentView> attachments) {
  }

  @PostMapping("/{id}/responses")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Submit a response (respondents; contracting officers on a respondent's behalf)",
      description = "Accepted while the RFI is open. After the close date it is refused (409), or accepted and "
          + "flagged late when the plan allows late responses. answers: [{topic: 1, answer: \"...\"}].")
  ResponseView respond(@PathVariable String id, @RequestBody RfiResponseService.Submission submission,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.visible(id, caller);
    if (!caller.in(Roles.RFI_RESPONDENTS) && !caller.in(Roles.CONTRACTING_OFFICERS)) {
      throw new ForbiddenException("Responses come from respondents' accounts (group " + Roles.RFI_RESPONDENTS
          + ") or a contracting officer entering one on a respondent's behalf.");
    }
    RfiResponse response = responses.submit(rfi.id, submission, caller);
    return view(access.reader(caller, rfi), response);
  }

  @GetMapping("/{id}/responses")
  @Operation(summary = "The responses the caller may see",
      description = "A respondent sees their own; a reviewer those assigned to them (never one they are recused "
          + "from); the chair all but recused ones once attested; oversight all. Proprietary answers only to the "
          + "panel and contracting officers.")
  List<ResponseView> responses(@PathVariable String id, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.visible(id, caller);
    RfiAccess.Reader reader = access.reader(caller, rfi);
    return responses.of(rfi.id).stream().filter(reader::seesResponse).map(r -> view(reader, r)).toList();
  }

  @GetMapping("/{id}/responses/{responseId}")
  @Operation(summary = "Read one response, as the caller may see it")
  ResponseView response(@PathVariable String id, @PathVariable String responseId, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.visible(id, caller);
    RfiAccess.Reader reader = access.reader(caller, rfi);
    return view(reader, visibleResponse(reader, responseId));
  }

  @PostMapping(path = "/{id}/responses/{responseId}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Attach a file to one's own response while the RFI takes responses (10 MiB at most)")
  AttachmentView attach(@PathVariable String id, @PathVariable String responseId,
      @RequestPart("file") MultipartFile file, Authentication authentication) throws IOException {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.visible(id, caller);
    return AttachmentView.of(responses.attach(rfi.id, responseId, file.getOriginalFilename(), file.getContentType(),
        file.getBytes(), caller));
  }

  @GetMapping("/{id}/responses/{responseId}/attachments")
  @Operation(summary = "The attachments of a response whose answers the caller may read")
  List<AttachmentView> attachments(@PathVariable String id, @PathVariable String responseId,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.visible(id, caller);
    RfiResponse response = readableResponse(access.reader(caller, rfi), responseId);
    return responses.attachmentsOf(response.id).stream().map(AttachmentView::of).toList();
  }

  @GetMapping("/{id}/responses/{responseId}/attachments/{attachmentId}")
  @Operation(summary = "Download an attachment")
  ResponseEntity<byte[]> attachment(@PathVariable String id, @PathVariable String responseId,
      @PathVariable long attachmentId, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.visible(id, caller);
    RfiAttachment attachment = responses.attachment(readableResponse(access.reader(caller, rfi), responseId).id,
        attachmentId);
    return RfiApi.download(attachment.content, attachment.fileName, MediaType.APPLICATION_OCTET_STREAM);
  }

  private RfiResponse visibleResponse(RfiAccess.Reader reader, String responseId) {
    RfiResponse response = responses.require(reader.rfi().id, responseId);
    if (!reader.seesResponse(response)) {
      throw new NotFoundException("RFI " + reader.rfi().id + " has no response '" + responseId + "' you may see.");
    }
    return response;
  }

  private RfiResponse readableResponse(RfiAccess.Reader reader, String responseId) {
    RfiResponse response = visibleResponse(reader, responseId);
    if (!reader.readsAnswers(response)) {
      throw new ForbiddenException("Response " + responseId
          + " is marked proprietary: only the panel and contracting officers read it.");
    }
    return response;
  }

  private ResponseView view(RfiAccess.Reader reader, RfiResponse r) {
    Rfi rfi = reader.rfi();
    boolean readable = reader.readsAnswers(r);
    List<AnswerView> answers = null;
    List<AttachmentView> files = null;
    if (readable) {
      answers = new ArrayList<>();
      for (int topic = 1; topic <= rfi.topics.size(); topic++) {
        answers.add(new AnswerView(topic, rfi.topics.get(topic - 1), r.answers.get(topic)));
      }
      files = responses.attachmentsOf(r.id).stream().map(AttachmentView::of).toList();
    }
    return new ResponseView(r.id, r.rfiId, r.organization, r.uei, r.smallBusiness, r.contactName, r.contactEmail,
        r.proprietary, r.receivedAt, r.late, r.submittedBy,
        new ScreeningView(r.onTime, r.allTopicsAnswered, r.eligible, r.overrideReason, r.screenedBy), answers,
        readable ? null : "Proprietary: only the evaluation panel and contracting officers read the answers.", files);
  }
}
