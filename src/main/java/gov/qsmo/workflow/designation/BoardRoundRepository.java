package gov.qsmo.workflow.designation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface BoardRoundRepository extends JpaRepository<BoardRound, Long> {

  List<BoardRound> findByDesignationIdOrderByRoundNumberAsc(String designationId);

  Optional<BoardRound> findFirstByDesignationIdOrderByRoundNumberDesc(String designationId);
}
