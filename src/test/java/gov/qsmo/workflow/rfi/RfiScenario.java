package gov.qsmo.workflow.rfi;

import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import gov.qsmo.workflow.process.Caller;
import gov.qsmo.workflow.rfi.responses.RfiResponseService;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives RFI evaluations in tests the way the people in them do: as the right user, through the
 * engine's task completion, with the forms' field keys. Test users are created once.
 */

public class RfiScenario {

  static final String DIRECTOR = "test.rfi.director";
  static final String OFFICER = "test.rfi.officer";
  public static final String CHAIR = "test.rfi.chair";
  static final String RESPONDENT = "test.rfi.respondent";
  public static final List<String> REVIEWERS = List.of("test.rfi.reviewer1", "test.rfi.reviewer2", "test.rfi.reviewer3",
      "test.rfi.reviewer4");
  static final String CRITERIA = """
      Commercial solutions | 40 | Maturity of the solution
      Data implementation | 35 | Use of grants data standards
      Customer experience | 25 | Usability for applicants and staff""";

  private final IdentitySetup identitySetup;
  private final IdentityService identityService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final RfiResponseService responses;
  private final RfiService records;

  RfiScenario(IdentitySetup identitySetup, IdentityService identityService, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService, RfiResponseService responses, RfiService records) {
    this.identitySetup = identitySetup;
    this.identityService = identityService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.responses = responses;
    this.records = records;
  }

  public void ensureUsers() {
    identitySetup.ensureUser(DIRECTOR, "Test", "Director", "pw", Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"));
    identitySetup.ensureUser(OFFICER, "Test", "Officer", "pw", Roles.CONTRACTING_OFFICERS);
    identitySetup.ensureUser(CHAIR, "Test", "Chair", "pw", Roles.RFI_PANEL_CHAIRS);
    identitySetup.ensureUser(RESPONDENT, "Test", "Respondent", "pw", Roles.RFI_RESPONDENTS);
    for (String reviewer : REVIEWERS) {
      identitySetup.ensureUser(reviewer, "Test", reviewer, "pw", Roles.RFI_REVIEWERS);
    }
  }

  Map<String, Object> planForm(boolean allowLate) {
    Map<String, Object> form = new HashMap<>();
    form.put("agencyCode", "HHS");
    form.put("title", "Commercial grants-management solutions");
    form.put("description", "Market research on commercial grants-management solutions.");
    form.put("topics", "Commercial solutions\nData implementation\nCustomer experience");
    form.put("closeDate", gov.qsmo.workflow.calendar.TestDates.businessDay(LocalDate.now().plusDays(30)).toString());
    form.put("allowLate", allowLate);
    form.put("panelChair", CHAIR);
    form.put("scaleType", "NUMERIC");
    form.put("criteria", CRITERIA);
    return form;
  }

  ProcessInstance draft(boolean allowLate) {
    return as(DIRECTOR, () -> runtimeService.startProcessInstanceByKey(RfiProcess.KEY, planForm(allowLate)));
  }

  /** Drafted on this version of the model (an evaluation that began before a model change). */
  ProcessInstance draftOn(String processDefinitionId) {
    return as(DIRECTOR, () -> runtimeService.startProcessInstanceById(processDefinitionId, planForm(false)));
  }

  /** Drafted and approved: open for responses. */
  ProcessInstance open(boolean allowLate) {
    return approved(draft(allowLate));
  }

  ProcessInstance approved(ProcessInstance drafted) {
    complete(drafted, RfiProcess.Elements.TASK_APPROVE_PLAN, DIRECTOR, Map.of("planDecision", "APPROVE"));
    return drafted;
  }

  String respond(ProcessInstance instance, String organization, int topicsAnswered) {
    List<RfiResponseService.TopicAnswer> answers = new java.util.ArrayList<>();
    for (int topic = 1; topic <= topicsAnswered; topic++) {
      answers.add(new RfiResponseService.TopicAnswer(topic, organization + " on topic " + topic));
    }
    return as(RESPONDENT, () -> responses.submit(instance.getBusinessKey(), new RfiResponseService.Submission(organization,
        null, true, "Pat Doe", "pat@example.com", false, answers), Caller.current(identityService)).id);
  }

  /** The close-date timer fires: screening runs. */
  void close(ProcessInstance instance) {
    Job timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    managementService.executeJob(timer.getId());
  }

  /** Open, three responses in, closed, screening confirmed, panel of the given reviewers formed. */
  public ProcessInstance withPanel(List<String> reviewers, Integer perResponse, String... organizations) {
    return withPanel(open(false), reviewers, perResponse, organizations);
  }

  /** This open instance: responses in, closed, screening confirmed, panel formed. */
  public ProcessInstance withPanel(ProcessInstance instance, List<String> reviewers, Integer perResponse,
      String... organizations) {
    for (String organization : organizations) {
      respond(instance, organization, 3);
    }
    close(instance);
    complete(instance, RfiProcess.Elements.TASK_CONFIRM_SCREENING, OFFICER, Map.of("screeningDecision", "CONFIRM"));
    Map<String, Object> panel = new HashMap<>(Map.of("reviewers", String.join("\n", reviewers)));
    if (perResponse != null) {
      panel.put("reviewersPerResponse", perResponse);
    }
    complete(instance, RfiProcess.Elements.TASK_FORM_PANEL, CHAIR, panel);
    return instance;
  }

  /** Every open attestation task signed without conflicts, except where the map names conflicts. */
  public void attestAll(ProcessInstance instance, Map<String, String> conflicts) {
    for (Task task : tasks(instance, RfiProcess.Elements.TASK_SIGN_ATTESTATION)) {
      Map<String, Object> form = new HashMap<>(Map.of("attest", true));
      if (conflicts.containsKey(task.getAssignee())) {
        form.put("conflictResponseIds", conflicts.get(task.getAssignee()));
        form.put("conflictStatement", "Former employer.");
      }
      as(task.getAssignee(), () -> {
        taskService.complete(task.getId(), form);
        return null;
      });
    }
    runJobs(instance);
  }

  /** A score form: the same rating and a rationale for each of the three criteria. */
  static Map<String, Object> scores(int... ratings) {
    Map<String, Object> form = new HashMap<>();
    for (int i = 0; i < ratings.length; i++) {
      form.put("rating" + (i + 1), ratings[i]);
      form.put("rationale" + (i + 1), "Rated " + ratings[i] + " for the evidence given.");
      form.put("strengths" + (i + 1), "Clear approach.");
    }
    return form;
  }

  public void score(Task task, int... ratings) {
    as(task.getAssignee(), () -> {
      taskService.complete(task.getId(), scores(ratings));
      return null;
    });
  }

  /** By business key: an RFI's scoring tasks are in the instances it calls per response, which carry it too. */
  public List<Task> tasks(ProcessInstance instance, String key) {
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).taskDefinitionKey(key)
        .orderByTaskAssignee().asc().list();
  }

  Task task(ProcessInstance instance, String key, String assignee) {
    return taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey()).taskDefinitionKey(key)
        .taskAssignee(assignee).list().get(0);
  }

  /** The one open task of this key in the RFI's instance or an instance it calls (by the RFI id), completed. */
  void complete(ProcessInstance instance, String key, String user, Map<String, Object> form) {
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(key).singleResult();
    if (task == null) {
      throw new IllegalStateException("No task " + key + " in " + instance.getId());
    }
    as(user, () -> {
      taskService.complete(task.getId(), form);
      return null;
    });
    runJobs(instance);
  }

  /**
   * Runs the due asynchronous continuations (not timers) of the instance and the instances it calls, as the
   * job executor would.
   */
  public void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 100; round++) {
      List<Job> jobs = managementService.createJobQuery().rootProcessInstanceId(instance.getId()).executable()
          .messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> managementService.executeJob(job.getId()));
    }
    throw new IllegalStateException("Jobs keep coming for " + instance.getId());
  }

  Rfi rfi(ProcessInstance instance) {
    return records.require(instance.getBusinessKey());
  }

  public <T> T as(String user, Supplier<T> work) {
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication(user, groups);
    try {
      return work.get();
    } finally {
      identityService.clearAuthentication();
    }
  }
}
