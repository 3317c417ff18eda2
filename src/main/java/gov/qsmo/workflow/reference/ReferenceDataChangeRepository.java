package gov.qsmo.workflow.reference;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ReferenceDataChangeRepository extends JpaRepository<ReferenceDataChange, Long> {

  Page<ReferenceDataChange> findByKindAndCodeOrderByChangedAtDescIdDesc(ReferenceKind kind, String code,
      Pageable page);

  /** Serializes changes to the reference data (two nodes, two requests) until the transaction ends. */
  @Query(value = "select cast(pg_advisory_xact_lock(5353331201) as varchar)", nativeQuery = true)
  String lockForChange();
}
