package gov.qsmo.workflow.marketplace;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface CandidateDecisionRepository extends JpaRepository<CandidateDecision, String> {

  java.util.List<CandidateDecision> findByDesignationIdAndStatus(String designationId, CandidateDecision.Status status);

  /** The decision, locked until the transaction ends. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select d from CandidateDecision d where d.rfiId = ?1")
  Optional<CandidateDecision> lock(String rfiId);
}
