package gov.qsmo.workflow.rfi.scoring;

import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiAccess;
import gov.qsmo.workflow.rfi.RfiApi;
import gov.qsmo.workflow.rfi.panel.Assignment;
import gov.qsmo.workflow.rfi.panel.RfiPanelService;
import gov.qsmo.workflow.shared.ForbiddenException;
import gov.qsmo.workflow.shared.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The scoring step's API: score sheets as blindness allows, corrections. */
@RestController
@RequestMapping(RfiApi.PATH)
@Tag(name = RfiApi.TAG, description = RfiApi.TAG_DESCRIPTION)
class RfiScoringController {

  private final RfiPanelService panel;
  private final RfiScoringService scoring;
  private final RfiAccess access;

  RfiScoringController(RfiPanelService panel, RfiScoringService scoring, RfiAccess access) {
    this.panel = panel;
    this.scoring = scoring;
    this.access = access;
  }

  record ScoreView(int criterion, String criterionName, int rating, String ratingLabel, String strengths,
      String weaknesses, String rationale) {
  }

  record SheetView(long assignmentId, String responseId, String reviewerId, int version, boolean current,
      Instant submittedAt, List<ScoreView> scores) {
  }

  record ScoresView(String shown, List<SheetView> sheets) {
  }

  @GetMapping("/{id}/scores")
  @Operation(summary = "Score sheets, as blindness allows",
      description = "Until the consensus step a reviewer reads only their own sheets and nobody else reads any; "
          + "asking for another reviewer's (reviewer=...) is refused with 403. From consensus on, the panel and "
          + "oversight read every sheet, every version.")
  ScoresView scores(@PathVariable String id, @RequestParam(required = false) String reviewer,
      Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.record(id, caller);
    RfiAccess.ScoreView view = access.scores(caller, rfi);
    if (reviewer != null && !reviewer.equals(caller.userId()) && view != RfiAccess.ScoreView.ALL) {
      throw new ForbiddenException("Scoring is blind until the consensus "
          + "step: you cannot read " + reviewer + "'s scores of " + id + " now (status " + rfi.status + ").");
    }
    if (view == RfiAccess.ScoreView.NONE) {
      return new ScoresView("none: scoring is blind until the consensus step", List.of());
    }
    List<Assignment> of = panel.assignments(rfi.id).stream()
        .filter(a -> view == RfiAccess.ScoreView.ALL || a.reviewerId.equals(caller.userId()))
        .filter(a -> reviewer == null || a.reviewerId.equals(reviewer)).toList();
    Map<Long, Assignment> byId = new HashMap<>();
    of.forEach(a -> byId.put(a.id, a));
    List<ScoreSheet> sheets = scoring.sheets(of);
    Map<Long, ScoreSheet> latest = ScoreSheet.latestByAssignment(sheets);
    List<SheetView> views = sheets.stream().map(s -> {
      Assignment a = byId.get(s.assignmentId);
      return new SheetView(a.id, a.responseId, a.reviewerId, s.version, s == latest.get(s.assignmentId),
          s.submittedAt, s.scores.entrySet().stream().map(e -> new ScoreView(e.getKey(),
              rfi.criterion(e.getKey()).name, e.getValue().rating,
              rfi.level(e.getValue().rating) == null ? null : rfi.level(e.getValue().rating).label,
              e.getValue().strengths, e.getValue().weaknesses, e.getValue().rationale)).toList());
    }).toList();
    return new ScoresView(view == RfiAccess.ScoreView.ALL ? "all" : "your own: scoring is blind until the consensus "
        + "step", views);
  }

  record ScoreRequest(Integer criterion, Integer rating, String strengths, String weaknesses, String rationale) {
  }

  record CorrectionRequest(List<ScoreRequest> scores, String reason) {
  }

  @PostMapping("/{id}/assignments/{assignmentId}/corrections")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Correct one's submitted scores before the consensus step: a new version; the old one stays")
  SheetView correct(@PathVariable String id, @PathVariable String assignmentId,
      @RequestBody CorrectionRequest request, Authentication authentication) {
    Caller caller = Caller.of(authentication);
    Rfi rfi = access.record(id, caller);
    if (request == null || request.scores() == null) {
      throw new InvalidRequestException("scores", "Send every criterion's score: scores: [{criterion, rating, "
          + "strengths, weaknesses, rationale}], and a reason.");
    }
    Map<Integer, RfiScoringService.ScoreInput> inputs = new TreeMap<>();
    for (ScoreRequest score : request.scores()) {
      if (score == null || score.criterion() == null) {
        throw new InvalidRequestException("scores", "Each score names its criterion by number.");
      }
      inputs.put(score.criterion(), new RfiScoringService.ScoreInput(score.rating(), score.strengths(), score.weaknesses(),
          score.rationale()));
    }
    ScoreSheet sheet = scoring.correct(rfi.id, assignmentId, inputs, request.reason(), caller);
    Assignment a = scoring.require(assignmentId);
    return new SheetView(a.id, a.responseId, a.reviewerId, sheet.version, true, sheet.submittedAt,
        sheet.scores.entrySet().stream().map(e -> new ScoreView(e.getKey(), rfi.criterion(e.getKey()).name,
            e.getValue().rating, rfi.level(e.getValue().rating).label, e.getValue().strengths,
            e.getValue().weaknesses, e.getValue().rationale)).toList());
  }
}
