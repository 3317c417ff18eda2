package gov.qsmo.workflow.designation.change;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface TransitionRepository extends JpaRepository<Transition, Long> {

  /** The transitions a designation is part of (as the QSMO it left, or as the successor), the latest first. */
  @Query("select t from Transition t where t.fromDesignationId = ?1 or t.toDesignationId = ?1 order by t.id desc")
  java.util.List<Transition> findByDesignation(String designationId, org.springframework.data.domain.Pageable page);

  /** The transition, locked until the transaction ends: its steps happen one after the other. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from Transition t where t.id = ?1")
  Optional<Transition> lock(Long id);
}
