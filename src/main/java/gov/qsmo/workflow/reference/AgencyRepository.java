package gov.qsmo.workflow.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface AgencyRepository extends JpaRepository<Agency, String> {
}
