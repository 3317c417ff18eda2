package gov.qsmo.workflow.designation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScopeVersionRepository extends JpaRepository<ScopeVersion, ScopeVersion.Key> {

  List<ScopeVersion> findByDesignationIdOrderByVersionAsc(String designationId);

  Optional<ScopeVersion> findFirstByDesignationIdOrderByVersionDesc(String designationId);
}
