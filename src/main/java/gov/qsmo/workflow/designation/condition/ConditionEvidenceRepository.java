package gov.qsmo.workflow.designation.condition;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ConditionEvidenceRepository extends JpaRepository<ConditionEvidence, Long> {

  /** The files' descriptions, without their content. */
  @Query("select new gov.qsmo.workflow.designation.condition.ConditionEvidenceRepository$Described(e.id, e.fileName, "
      + "e.contentType, e.sizeBytes, e.sha256, e.uploadedBy, e.uploadedAt) from ConditionEvidence e "
      + "where e.conditionId = ?1 order by e.id")
  List<Described> describedByCondition(Long conditionId);

  long countByConditionId(Long conditionId);

  record Described(Long id, String fileName, String contentType, long sizeBytes, String sha256, String uploadedBy,
      java.time.Instant uploadedAt) {
  }
}
