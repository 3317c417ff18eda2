package gov.qsmo.workflow.rfi.results;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ConsensusRepository extends JpaRepository<Consensus, Long> {
  Optional<Consensus> findFirstByResponseIdOrderByVersionDesc(String responseId);

  List<Consensus> findByRfiIdOrderByResponseIdAscVersionAsc(String rfiId);
}
