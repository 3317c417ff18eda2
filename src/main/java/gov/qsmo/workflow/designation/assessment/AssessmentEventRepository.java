package gov.qsmo.workflow.designation.assessment;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentEventRepository extends JpaRepository<AssessmentEvent, Long> {

  List<AssessmentEvent> findByAssessmentIdOrderByIdAsc(Long assessmentId, Pageable page);
}
