package gov.qsmo.workflow.marketplace;

import org.springframework.data.jpa.repository.JpaRepository;

interface OfferingRepository extends JpaRepository<Offering, Long> {

  long countByDesignationId(String designationId);
}
