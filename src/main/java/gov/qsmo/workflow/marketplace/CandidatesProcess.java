package gov.qsmo.workflow.marketplace;

import java.util.Map;
import java.util.Set;

/**
 * The "Marketplace candidates" process (bpmn/marketplace-candidates.bpmn): one instance per completed RFI that serves
 * a QSMO, business key = the RFI id; the QSMO's directors decide which ranked responses become candidate offerings.
 */
public final class CandidatesProcess {

  public static final String KEY = "marketplace-candidates";
  /** Ranked responses the form lists; the report lists them all. */
  public static final int RANKING_SHOWN = 20;
  /** Candidates one decision adds at most. */
  public static final int MAX_CANDIDATES = 20;

  private CandidatesProcess() {
  }

  public static final class Elements {
    public static final String START = "StartEvent_RfiEvaluationCompleted";
    public static final String TASK_DECIDE_CANDIDATES = "Task_DecideMarketplaceCandidates";
    public static final String END = "EndEvent_CandidatesDecided";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final String RFI_ID = "rfiId";
    public static final String DESIGNATION_ID = "designationId";
    public static final String DIRECTOR_GROUP_ID = "directorGroupId";
    public static final String CANDIDATE_RESPONSES = "candidateResponses";
    public static final String CANDIDATE_NOTE = "candidateNote";

    private Variables() {
    }
  }

  public static final class TaskDisplay {
    public static final String FACTS = "rfiFacts";
    public static final String RANKING = "ranking";

    private TaskDisplay() {
    }
  }

  public static final class Forms {
    public static final Set<String> DECIDE_CANDIDATES = Set.of(Variables.CANDIDATE_RESPONSES,
        Variables.CANDIDATE_NOTE);
    public static final Map<String, Set<String>> BY_FORM_ID = Map.of("decide-marketplace-candidates",
        DECIDE_CANDIDATES);

    private Forms() {
    }
  }
}
