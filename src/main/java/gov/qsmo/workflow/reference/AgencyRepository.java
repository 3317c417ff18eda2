package gov.qsmo.workflow.reference;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyRepository extends JpaRepository<Agency, String> {

  Optional<Agency> findFirstByNameIgnoreCaseAndCodeNot(String name, String code);
}
