package gov.qsmo.workflow.rfi;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RfiResponseRepository extends JpaRepository<RfiResponse, String> {
  List<RfiResponse> findByRfiIdOrderById(String rfiId);
}
