package gov.qsmo.workflow.designation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DesignationEventRepository extends JpaRepository<DesignationEvent, Long> {

  List<DesignationEvent> findByDesignationIdOrderByOccurredAtAscIdAsc(String designationId);
}
