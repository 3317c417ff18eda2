package gov.qsmo.workflow.designation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface BoardVoteRepository extends JpaRepository<BoardVote, Long> {

  List<BoardVote> findByRoundIdOrderBySubmittedAtAsc(Long roundId);

  boolean existsByRoundIdAndMemberId(Long roundId, String memberId);
}
