package gov.qsmo.workflow.designation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DesignationRepository extends JpaRepository<Designation, String> {

  @Query(value = "select nextval('qsmo.designation_number_seq')", nativeQuery = true)
  long nextNumber();

  List<Designation> findAllByOrderByCreatedAtDesc();

  List<Designation> findByFunctionalAreaCodeAndStatusInOrderById(String functionalAreaCode,
      Collection<DesignationStatus> statuses, Pageable page);

  long countByFunctionalAreaCodeAndStatusIn(String functionalAreaCode, Collection<DesignationStatus> statuses);

  List<Designation> findByAgencyCodeAndStatusInOrderById(String agencyCode, Collection<DesignationStatus> statuses,
      Pageable page);

  long countByAgencyCodeAndStatusIn(String agencyCode, Collection<DesignationStatus> statuses);

  /** Whether a redesignation of this designation is under way: a successor whose own process has not ended. */
  boolean existsBySupersedesIdAndStatusNotIn(String supersedesId, Collection<DesignationStatus> statuses);

  /** Designated QSMOs, as a form or an error lists them: at most one per functional area and agency. */
  List<Designation> findByStatusOrderById(DesignationStatus status, Pageable page);
}
