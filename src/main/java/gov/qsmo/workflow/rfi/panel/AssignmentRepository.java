package gov.qsmo.workflow.rfi.panel;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AssignmentRepository extends JpaRepository<Assignment, Long> {
  List<Assignment> findByRfiIdOrderById(String rfiId);

  List<Assignment> findByRfiIdAndStatusOrderById(String rfiId, Assignment.Status status);

  List<Assignment> findByRfiIdAndResponseIdAndStatusOrderById(String rfiId, String responseId,
      Assignment.Status status);

  /** The responses that have assignments in this status, in order. */
  @Query("select distinct a.responseId from Assignment a where a.rfiId = ?1 and a.status = ?2 order by a.responseId")
  List<String> responseIdsByRfiIdAndStatus(String rfiId, Assignment.Status status);

  List<Assignment> findByRfiIdAndReviewerIdOrderById(String rfiId, String reviewerId);

  List<Assignment> findByResponseIdAndStatusIn(String responseId, Collection<Assignment.Status> statuses);

  boolean existsByResponseIdAndReviewerId(String responseId, String reviewerId);
}
