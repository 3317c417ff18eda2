package gov.qsmo.workflow.designation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BoardRoundRepository extends JpaRepository<BoardRound, Long> {

  /** The plan's rounds (an assessment's rounds have its id). */
  List<BoardRound> findByDesignationIdAndAssessmentIdIsNullOrderByRoundNumberAsc(String designationId);

  Optional<BoardRound> findFirstByDesignationIdAndAssessmentIdIsNullOrderByRoundNumberDesc(String designationId);

  List<BoardRound> findByAssessmentIdOrderByRoundNumberAsc(Long assessmentId);

  Optional<BoardRound> findFirstByAssessmentIdOrderByRoundNumberDesc(Long assessmentId);
}
