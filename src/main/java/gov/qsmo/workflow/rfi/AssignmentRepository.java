package gov.qsmo.workflow.rfi;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AssignmentRepository extends JpaRepository<Assignment, Long> {
  List<Assignment> findByRfiIdOrderById(String rfiId);

  List<Assignment> findByRfiIdAndStatusOrderById(String rfiId, Assignment.Status status);

  List<Assignment> findByRfiIdAndReviewerIdOrderById(String rfiId, String reviewerId);

  List<Assignment> findByResponseIdAndStatusIn(String responseId, Collection<Assignment.Status> statuses);

  boolean existsByResponseIdAndReviewerId(String responseId, String reviewerId);
}
