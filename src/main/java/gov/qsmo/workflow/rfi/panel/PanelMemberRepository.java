package gov.qsmo.workflow.rfi.panel;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface PanelMemberRepository extends JpaRepository<PanelMember, PanelMember.Key> {
  List<PanelMember> findByRfiIdOrderByRoleAscUserIdAsc(String rfiId);

  Optional<PanelMember> findByRfiIdAndUserId(String rfiId, String userId);
}
