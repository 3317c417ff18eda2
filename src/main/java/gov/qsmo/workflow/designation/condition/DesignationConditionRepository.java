package gov.qsmo.workflow.designation.condition;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface DesignationConditionRepository extends JpaRepository<DesignationCondition, Long> {

  List<DesignationCondition> findByDesignationIdAndStatusOrderByIdAsc(String designationId,
      DesignationCondition.Status status);

  List<DesignationCondition> findByDesignationIdOrderByIdAsc(String designationId);

  /** The first of a designation's conditions in these statuses (an assessment lists those still open). */
  List<DesignationCondition> findByDesignationIdAndStatusInOrderByIdAsc(String designationId,
      java.util.Collection<DesignationCondition.Status> statuses, Pageable page);

  long countByDesignationIdAndStatusIn(String designationId, java.util.Collection<DesignationCondition.Status> statuses);

  /** A page of a designation's conditions, in the order they were set. */
  List<DesignationCondition> findByDesignationIdOrderByIdAsc(String designationId, Pageable page);

  /** The condition, locked until the transaction ends: its steps happen one after the other. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select c from DesignationCondition c where c.id = ?1")
  Optional<DesignationCondition> lock(Long id);
}
