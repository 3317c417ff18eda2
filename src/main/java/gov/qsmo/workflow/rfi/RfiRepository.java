package gov.qsmo.workflow.rfi;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface RfiRepository extends JpaRepository<Rfi, String> {

  @Query(value = "select nextval('qsmo.rfi_number_seq')", nativeQuery = true)
  long nextNumber();

  @Query(value = "select nextval('qsmo.rfi_response_number_seq')", nativeQuery = true)
  long nextResponseNumber();

  /** The RFI, locked until the transaction ends: serializes late responses against the close of screening. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from Rfi r where r.id = ?1")
  Optional<Rfi> lockById(String id);

  List<Rfi> findAllByOrderByCreatedAtDesc();
}
