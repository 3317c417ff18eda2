package gov.qsmo.workflow.rfi.results;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CriterionResultRepository extends JpaRepository<CriterionResult, CriterionResult.Key> {
  List<CriterionResult> findByRfiId(String rfiId);

  List<CriterionResult> findByResponseIdOrderByCriterionPosition(String responseId);

  /** One statement, whatever the number of rows (a derived delete would load each row first). */
  @Modifying(flushAutomatically = true)
  @Query("delete from CriterionResult r where r.rfiId = :rfiId and r.responseId in :responseIds")
  int deleteOf(@Param("rfiId") String rfiId, @Param("responseIds") Collection<String> responseIds);

  long countByRfiIdAndFlaggedTrue(String rfiId);
}
