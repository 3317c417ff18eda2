package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.process.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The RFIs themselves: the list, one RFI with its plan, its audit trail. Each step's resources have
 * their own controller in the step's package, under the same path and OpenAPI tag.
 */
@RestController
@RequestMapping(RfiApi.PATH)
@Tag(name = RfiApi.TAG, description = RfiApi.TAG_DESCRIPTION)
class RfiController {

  private final RfiService records;
  private final RfiAccess access;

  RfiController(RfiService records, RfiAccess access) {
    this.records = records;
    this.access = access;
  }

  @GetMapping
  @Operation(summary = "List RFIs, newest first: published ones for everyone, drafts for their authors and oversight")
  List<RfiView> list(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return records.all().stream().filter(r -> access.canSeeRfi(caller, r)).map(RfiView::of).toList();
  }

  @GetMapping("/{id}")
  @Operation(summary = "Read an RFI and its evaluation plan")
  RfiView get(@PathVariable String id, Authentication authentication) {
    return RfiView.of(access.visible(id, Caller.of(authentication)));
  }

  record EventView(Instant occurredAt, String actor, String action, String detail) {
  }

  @GetMapping("/{id}/history")
  @Operation(summary = "The RFI's audit trail: who did what, when and why")
  List<EventView> history(@PathVariable String id, Authentication authentication) {
    Rfi rfi = access.record(id, Caller.of(authentication));
    return records.history(rfi.id).stream().map(e -> new EventView(e.occurredAt, e.actor, e.action, e.detail))
        .toList();
  }
}
