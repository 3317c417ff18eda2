package gov.qsmo.workflow.designation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DesignationConditionRepository extends JpaRepository<DesignationCondition, Long> {

  List<DesignationCondition> findByDesignationIdAndStatusOrderByIdAsc(String designationId, String status);

  List<DesignationCondition> findByDesignationIdOrderByIdAsc(String designationId);
}
