package gov.qsmo.workflow.rfi.responses;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RfiResponseRepository extends JpaRepository<RfiResponse, String> {
  List<RfiResponse> findByRfiIdOrderById(String rfiId);
}
