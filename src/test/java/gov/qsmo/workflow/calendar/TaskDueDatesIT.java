package gov.qsmo.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.RunningApplicationTest;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The demo's open tasks, of both processes, each with its Camunda due date and follow-up date: the
 * deadline the process keeps, or its step's period in business days.
 */
@RunningApplicationTest
class TaskDueDatesIT {

  /** Tasks whose due date is a date someone entered or the RFI's scoring window (calendar days, ADR 0017). */
  private static final List<String> ENTERED_OR_CALENDAR_DAYS = List.of("Task_PrepareMarketplacePlan",
      "Task_ScoreResponse");

  @Autowired
  TaskService taskService;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  BusinessCalendar calendar;

  @Test
  void everyOpenTaskOfTheProcessesCarriesADueDateAndAFollowUpDateBeforeIt() {
    List<Task> tasks = taskService.createTaskQuery().processDefinitionKeyIn("qsmo-designation", "rfi-evaluation",
        "rfi-response-scoring").listPage(0, 500);
    // Other tests move the demo's instances on: whichever tasks are open, both processes have some.
    assertThat(tasks).extracting(Task::getProcessDefinitionId)
        .anyMatch(id -> id.startsWith("qsmo-designation:")).anyMatch(id -> id.startsWith("rfi-"));
    assertThat(tasks).allSatisfy(task -> {
      assertThat(task.getDueDate()).as("due date of %s", task.getName()).isNotNull();
      assertThat(task.getFollowUpDate()).as("follow-up date of %s", task.getName()).isNotNull()
          .isBeforeOrEqualTo(task.getDueDate());
      if (!ENTERED_OR_CALENDAR_DAYS.contains(task.getTaskDefinitionKey())) {
        assertThat(calendar.isBusinessDay(task.getDueDate().toInstant().atZone(calendar.zone()).toLocalDate()))
            .as("%s due %s on a business day", task.getName(), task.getDueDate()).isTrue();
        assertThat(task.getDueDate().toInstant().atZone(calendar.zone()).toLocalTime())
            .isEqualTo(BusinessCalendar.END_OF_DAY);
      }
    });
  }

  @Test
  void aScoringTaskIsDueAtItsRfisScoringDeadline() {
    List<Task> scoring = taskService.createTaskQuery().processDefinitionKey("rfi-response-scoring")
        .taskDefinitionKey("Task_ScoreResponse").listPage(0, 100);
    assertThat(scoring).isNotEmpty().allSatisfy(task -> {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult();
      // The response's instance is called by a batch (ADR 0030), which the RFI's instance calls.
      ProcessInstance batch = runtimeService.createProcessInstanceQuery().subProcessInstanceId(instance.getId())
          .singleResult();
      ProcessInstance rfi = runtimeService.createProcessInstanceQuery().subProcessInstanceId(batch.getId())
          .singleResult();
      assertThat(rfi.getProcessDefinitionId()).startsWith("rfi-evaluation:");
      Object deadline = runtimeService.getVariable(rfi.getId(), "scoringDueAt");
      assertThat(task.getDueDate().toInstant()).isEqualTo(Instant.parse(deadline.toString()));
    });
  }
}
