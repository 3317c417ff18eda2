package gov.qsmo.workflow.rfi.panel;

import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_FORM_PANEL;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_REASSIGN_REVIEWERS;
import static gov.qsmo.workflow.rfi.RfiProcess.Elements.TASK_SIGN_ATTESTATION;

import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.People;
import gov.qsmo.workflow.process.Privileged;
import gov.qsmo.workflow.rfi.Rfi;
import gov.qsmo.workflow.rfi.RfiProcess;
import gov.qsmo.workflow.rfi.RfiProcess.TaskDisplay;
import gov.qsmo.workflow.rfi.RfiSummaries;
import gov.qsmo.workflow.rfi.RfiTaskForm;
import gov.qsmo.workflow.rfi.SubjectTaskListener;
import gov.qsmo.workflow.rfi.TaskSubjects;
import gov.qsmo.workflow.rfi.responses.RfiResponse;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The panel step's tasks: forming the panel, signing the attestation, reassigning reviewers. */
@Component
class PanelTaskForms implements RfiTaskForm {

  private final RfiPanelService panel;
  private final RfiResponseService responses;
  private final IdentityService identityService;
  private final TaskSubjects subjects;
  private final People people;

  PanelTaskForms(RfiPanelService panel, RfiResponseService responses, IdentityService identityService,
      TaskSubjects subjects, People people) {
    this.people = people;
    this.panel = panel;
    this.responses = responses;
    this.identityService = identityService;
    this.subjects = subjects;
  }

  @Override
  public Set<String> taskKeys() {
    return Set.of(TASK_FORM_PANEL, TASK_SIGN_ATTESTATION, TASK_REASSIGN_REVIEWERS);
  }

  @Override
  public void prepare(DelegateTask task, Rfi rfi, String base) {
    switch (task.getTaskDefinitionKey()) {
      case TASK_FORM_PANEL -> {
        task.setVariableLocal(TaskDisplay.AVAILABLE_REVIEWERS, reviewers(rfi));
        task.setVariableLocal(TaskDisplay.RESPONDENTS_TEXT, RfiSummaries.respondents(responses.eligible(rfi.id)));
      }
      case TASK_SIGN_ATTESTATION -> attestation(task, rfi);
      case TASK_REASSIGN_REVIEWERS -> {
        task.setVariableLocal(TaskDisplay.SHORTFALL_TEXT, shortfall(rfi));
        task.setVariableLocal(TaskDisplay.AVAILABLE_REVIEWERS, reviewers(rfi));
      }
      default -> { }
    }
  }

  private void attestation(DelegateTask task, Rfi rfi) {
    String member = (String) task.getVariable(RfiProcess.Variables.PANEL_MEMBER);
    subjects.bind(task.getExecutionId(), rfi.id, SubjectTaskListener.subject(AttestationSignedListener.KIND, member));
    task.setVariableLocal(TaskDisplay.ATTESTATION_VERSION, panel.attestationVersion());
    task.setVariableLocal(TaskDisplay.ATTESTATION_TEXT, panel.attestationText());
    task.setVariableLocal(TaskDisplay.RESPONDENTS_TEXT, RfiSummaries.respondents(responses.eligible(rfi.id)));
  }

  private String reviewers(Rfi rfi) {
    List<User> users = Privileged.run(identityService, () -> identityService.createUserQuery()
        .memberOfGroup(Roles.RFI_REVIEWERS).orderByUserId().asc().list());
    List<String> onPanel = panel.roster(rfi.id).stream().map(m -> m.userId).toList();
    return RfiSummaries.fit(users.stream().map(u -> "**" + RfiSummaries.literal(u.getId()) + "**: "
        + RfiSummaries.literal((nullToEmpty(u.getFirstName()) + " " + nullToEmpty(u.getLastName())).strip())
        + (onPanel.contains(u.getId()) ? " (on the panel)" : "")).collect(Collectors.joining("  \n")));
  }

  private String shortfall(Rfi rfi) {
    Map<String, List<String>> recused = panel.recusals(rfi.id);
    int reviewers = (int) panel.roster(rfi.id).stream().filter(m -> m.role == PanelMember.Role.REVIEWER).count();
    int wanted = rfi.reviewersPerResponse == null ? reviewers : rfi.reviewersPerResponse;
    StringBuilder text = new StringBuilder("Each response should get " + wanted + " reviewers. Short:\n\n"
        + "| Response | Organization | Assigned | Recused |\n|---|---|---|---|\n");
    // Counted per response by the database, not by reading every assignment of the RFI.
    Map<String, Long> assignedPerResponse = panel.assignedPerResponse(rfi.id);
    Map<String, String> names = people.namesWithIds(recused.values().stream().flatMap(List::stream).toList());
    for (RfiResponse response : responses.eligible(rfi.id)) {
      long assigned = assignedPerResponse.getOrDefault(response.id, 0L);
      if (assigned < wanted) {
        text.append("| ").append(response.id).append(" | ").append(RfiSummaries.literal(response.organization))
            .append(" | ").append(assigned).append(" of ").append(wanted).append(" | ")
            .append(recused.getOrDefault(response.id, List.of()).stream()
                .map(id -> RfiSummaries.literal(names.get(id))).collect(Collectors.joining(", ")))
            .append(" |\n");
      }
    }
    return RfiSummaries.fit(text.toString());
  }

  private static String nullToEmpty(String text) {
    return text == null ? "" : text;
  }
}
