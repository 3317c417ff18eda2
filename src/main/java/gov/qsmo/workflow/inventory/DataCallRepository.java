package gov.qsmo.workflow.inventory;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DataCallRepository extends JpaRepository<DataCall, String> {

  @Query(value = "select nextval('qsmo.data_call_number_seq')", nativeQuery = true)
  long nextNumber();

  List<DataCall> findByDesignationIdOrderByIdDesc(String designationId, Pageable page);
}
