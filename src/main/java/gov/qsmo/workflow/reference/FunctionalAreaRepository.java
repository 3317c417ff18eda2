package gov.qsmo.workflow.reference;

import org.springframework.data.jpa.repository.JpaRepository;

interface FunctionalAreaRepository extends JpaRepository<FunctionalArea, String> {
}
