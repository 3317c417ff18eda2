package gov.qsmo.workflow.reference;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FunctionalAreaRepository extends JpaRepository<FunctionalArea, String> {

  Optional<FunctionalArea> findFirstByNameIgnoreCaseAndCodeNot(String name, String code);
}
