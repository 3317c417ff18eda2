package gov.qsmo.workflow.designation.assessment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssessmentSubmissionRepository extends JpaRepository<AssessmentSubmission, Long> {

  Optional<AssessmentSubmission> findFirstByAssessmentIdOrderByVersionNumberDesc(Long assessmentId);

  List<AssessmentSubmission> findByAssessmentIdOrderByVersionNumberAsc(Long assessmentId);
}
