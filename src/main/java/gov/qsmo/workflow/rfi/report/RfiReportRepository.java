package gov.qsmo.workflow.rfi.report;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RfiReportRepository extends JpaRepository<RfiReport, Long> {
  Optional<RfiReport> findFirstByRfiIdOrderByVersionDesc(String rfiId);
}
