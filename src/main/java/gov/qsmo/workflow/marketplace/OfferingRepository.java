package gov.qsmo.workflow.marketplace;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfferingRepository extends JpaRepository<Offering, Long> {

  long countByDesignationId(String designationId);

  java.util.List<Offering> findByRfiIdOrderByIdAsc(String rfiId);

  long countByDesignationIdAndStatusNot(String designationId, Offering.Status status);

  /** A QSMO's offerings not in this status (a marketplace holds tens of them). */
  java.util.List<Offering> findByDesignationIdAndStatusNot(String designationId, Offering.Status status);

  @org.springframework.data.jpa.repository.Query(
      "select o.status, count(o) from Offering o where o.designationId = ?1 group by o.status")
  java.util.List<Object[]> countByStatus(String designationId);

  /** The offering, locked until the transaction ends: changes happen one after the other. */
  @org.springframework.data.jpa.repository.Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @org.springframework.data.jpa.repository.Query("select o from Offering o where o.id = ?1")
  java.util.Optional<Offering> lock(Long id);
}
