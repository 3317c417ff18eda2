package gov.qsmo.workflow.designation.assessment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AssessmentRepository extends JpaRepository<Assessment, Long> {

  List<Assessment> findByDesignationIdOrderByIdDesc(String designationId, Pageable page);

  List<Assessment> findByDesignationIdAndStatusIn(String designationId, Collection<Assessment.Status> statuses);

  boolean existsByDesignationIdAndStatus(String designationId, Assessment.Status status);

  /** The assessment, locked until the transaction ends: its steps happen one after the other. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Assessment a where a.id = ?1")
  Optional<Assessment> lock(Long id);
}
