package gov.qsmo.workflow.designation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PlanVersionRepository extends JpaRepository<PlanVersion, Long> {

  List<PlanVersion> findByDesignationIdOrderByVersionNumberAsc(String designationId);

  int countByDesignationId(String designationId);
}
