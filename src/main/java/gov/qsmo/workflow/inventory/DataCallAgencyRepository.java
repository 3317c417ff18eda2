package gov.qsmo.workflow.inventory;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DataCallAgencyRepository extends JpaRepository<DataCallAgency, DataCallAgency.Key> {

  List<DataCallAgency> findByDataCallIdOrderByAgencyCode(String dataCallId, Pageable page);

  long countByDataCallId(String dataCallId);

  long countByDataCallIdAndLatestVersionIsNotNull(String dataCallId);

  /** The agency's row, locked: its versions are numbered one after the other. */
  @Lock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from DataCallAgency a where a.dataCallId = ?1 and a.agencyCode = ?2")
  Optional<DataCallAgency> lock(String dataCallId, String agencyCode);

  @Query("select a.agencyCode from DataCallAgency a where a.dataCallId = ?1 order by a.agencyCode")
  List<String> agencyCodes(String dataCallId);
}
