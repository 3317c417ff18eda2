package gov.qsmo.workflow.designation.condition;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConditionEventRepository extends JpaRepository<ConditionEvent, Long> {

  List<ConditionEvent> findByConditionIdOrderByIdAsc(Long conditionId, Pageable page);

  /** The latest steps first, for a form's history table. */
  List<ConditionEvent> findByConditionIdOrderByIdDesc(Long conditionId, Pageable page);
}
