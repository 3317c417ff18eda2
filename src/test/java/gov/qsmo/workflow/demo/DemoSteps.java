package gov.qsmo.workflow.demo;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** What the demo data does as its users: work as a demo user, and let asynchronous steps run. */
@Component
@ConditionalOnProperty(name = "qsmo.demo.enabled", havingValue = "true")
public class DemoSteps {

  private final ProcessEngine processEngine;
  private final IdentityService identityService;
  private final ManagementService managementService;
  private final TaskService taskService;

  DemoSteps(ProcessEngine processEngine) {
    this.processEngine = processEngine;
    this.identityService = processEngine.getIdentityService();
    this.managementService = processEngine.getManagementService();
    this.taskService = processEngine.getTaskService();
  }

  /** Runs the work as this demo user, with their groups, as Tasklist would. */
  public <T> T as(String userId, Supplier<T> work) {
    List<String> groups = DemoUsers.ALL.stream().filter(u -> u.id().equals(userId)).findFirst().orElseThrow()
        .groups();
    identityService.setAuthentication(userId, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }

  public void as(String userId, Runnable work) {
    as(userId, () -> {
      work.run();
      return null;
    });
  }

  /** Completes the instance's one open task with this key as this user, and lets what follows run. */
  public void complete(String processInstanceId, String taskKey, String userId, java.util.Map<String, Object> form) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
        .list().stream().filter(t -> t.getAssignee() == null || t.getAssignee().equals(userId)).findFirst()
        .orElseThrow(() -> new IllegalStateException("No task " + taskKey + " for " + userId));
    as(userId, () -> taskService.complete(task.getId(), form));
    settle(processInstanceId);
  }

  public Task singleTask(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).singleResult();
  }

  /**
   * Lets the asynchronous steps of an instance run: the job executor runs them when it is on; with it
   * off (tests), they run here. Bounded: gives up after 30 seconds.
   */
  public void settle(String instance) {
    JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
        .getJobExecutor();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    List<Job> due;
    // By root instance: the jobs of the instances it calls (an RFI's response scoring) too.
    while (!(due = managementService.createJobQuery().rootProcessInstanceId(instance).executable().messages().list())
        .isEmpty()) {
      if (jobExecutor == null || !jobExecutor.isActive()) {
        due.forEach(job -> managementService.executeJob(job.getId()));
      } else if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Demo instance " + instance + " still has jobs after 30 s");
      } else {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  /** Fires the instance's timer on this activity now (the demo moves an RFI past its close date). */
  public void fireTimer(String processInstanceId, String activityId) {
    Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).timers()
        .activityId(activityId).singleResult();
    managementService.executeJob(timer.getId());
    settle(processInstanceId);
  }
}
