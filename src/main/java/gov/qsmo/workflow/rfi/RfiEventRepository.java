package gov.qsmo.workflow.rfi;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RfiEventRepository extends JpaRepository<RfiEvent, Long> {
  List<RfiEvent> findByRfiIdOrderByOccurredAtAscIdAsc(String rfiId);
}
