package gov.qsmo.workflow.marketplace;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface OfferingChangeRepository extends JpaRepository<OfferingChange, Long> {

  List<OfferingChange> findByOfferingIdOrderByIdAsc(Long offeringId, Pageable page);
}
