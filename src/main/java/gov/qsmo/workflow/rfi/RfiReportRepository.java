package gov.qsmo.workflow.rfi;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface RfiReportRepository extends JpaRepository<RfiReport, Long> {
  Optional<RfiReport> findFirstByRfiIdOrderByVersionDesc(String rfiId);
}
