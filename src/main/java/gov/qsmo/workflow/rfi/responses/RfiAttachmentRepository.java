package gov.qsmo.workflow.rfi.responses;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RfiAttachmentRepository extends JpaRepository<RfiAttachment, Long> {
  List<RfiAttachment> findByResponseIdOrderById(String responseId);
}
