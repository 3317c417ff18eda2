package gov.qsmo.workflow.rfi.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoreSheetRepository extends JpaRepository<ScoreSheet, Long> {
  List<ScoreSheet> findByAssignmentIdInOrderByAssignmentIdAscVersionAsc(Collection<Long> assignmentIds);

  Optional<ScoreSheet> findFirstByAssignmentIdOrderByVersionDesc(Long assignmentId);
}
