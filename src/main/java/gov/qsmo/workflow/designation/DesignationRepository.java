package gov.qsmo.workflow.designation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DesignationRepository extends JpaRepository<Designation, String> {

  @Query(value = "select nextval('qsmo.designation_number_seq')", nativeQuery = true)
  long nextNumber();

  List<Designation> findAllByOrderByCreatedAtDesc();
}
