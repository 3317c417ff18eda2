package gov.qsmo.workflow.rfi.results;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface CriterionResultRepository extends JpaRepository<CriterionResult, CriterionResult.Key> {
  List<CriterionResult> findByRfiId(String rfiId);

  List<CriterionResult> findByResponseIdOrderByCriterionPosition(String responseId);

  void deleteByRfiId(String rfiId);
}
