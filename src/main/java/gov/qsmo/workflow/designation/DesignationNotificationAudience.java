package gov.qsmo.workflow.designation;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.notification.NotificationAudience;
import gov.qsmo.workflow.process.Privileged;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Nothing about a designation reaches a board member recused from it: whoever a round of it lists as
 * recused, and any board member or chair who works for the candidate agency (recused from every round, and
 * from consolidating it, even before a round has opened).
 */
@Component
class DesignationNotificationAudience implements NotificationAudience {

  private final DesignationRepository designations;
  private final BoardReviewService boardReview;
  private final IdentityService identityService;

  DesignationNotificationAudience(DesignationRepository designations, BoardReviewService boardReview,
      IdentityService identityService) {
    this.designations = designations;
    this.boardReview = boardReview;
    this.identityService = identityService;
  }

  @Override
  public Set<String> mayNotBeTold(String recordId, Set<String> userIds) {
    if (userIds.isEmpty()) {
      return Set.of();
    }
    Designation designation = designations.findById(recordId).orElse(null);
    if (designation == null) {
      return Set.of();
    }
    Set<String> recused = new HashSet<>();
    boardReview.rounds(recordId).forEach(round -> round.recusals().forEach(entry -> recused.add(entry.memberId())));
    String[] candidates = userIds.toArray(String[]::new);
    Privileged.run(identityService, () -> {
      for (String board : new String[] {Roles.SSGB_MEMBERS, Roles.SSGB_CHAIRS}) {
        Set<String> boardMembers = new HashSet<>();
        identityService.createUserQuery().userIdIn(candidates).memberOfGroup(board).list()
            .forEach(u -> boardMembers.add(u.getId()));
        if (!boardMembers.isEmpty()) {
          identityService.createUserQuery().userIdIn(boardMembers.toArray(String[]::new))
              .memberOfGroup(Roles.agencyGroup(designation.getAgencyCode())).list().stream().map(User::getId)
              .forEach(recused::add);
        }
      }
      return null;
    });
    recused.retainAll(userIds);
    return recused;
  }
}
