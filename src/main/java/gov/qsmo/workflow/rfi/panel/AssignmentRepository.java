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

  /** Per response of the RFI, its assignments not moved to someone else: [response id, count]. */
  @Query("select a.responseId, count(a) from Assignment a where a.rfiId = ?1 and a.status <> ?2 group by a.responseId")
  List<Object[]> countByResponseExcept(String rfiId, Assignment.Status except);

  /** One reviewer's open assignments of an RFI: how many, and the first responses' ids. */
  interface Backlog {
    String getReviewerId();

    long getOpen();

    String getFirstResponses();
  }

  /**
   * Each reviewer's open (still unscored) assignments of the RFI: a row per reviewer (as many as the panel, whatever
   * the RFI's size), with the count and the ids of the first {@code shown} responses.
   */
  @Query(value = "select reviewer_id as \"reviewerId\", count(*) as \"open\", array_to_string((array_agg(response_id "
      + "order by response_id))[1:?2], ', ') as \"firstResponses\" from qsmo.rfi_assignment "
      + "where rfi_id = ?1 and status = 'ASSIGNED' group by reviewer_id order by reviewer_id", nativeQuery = true)
  List<Backlog> openByReviewer(String rfiId, int shown);

  List<Assignment> findByResponseIdAndStatusIn(String responseId, Collection<Assignment.Status> statuses);

  boolean existsByResponseIdAndReviewerId(String responseId, String reviewerId);
}
