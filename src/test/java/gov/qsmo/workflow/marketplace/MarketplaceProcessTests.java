package gov.qsmo.workflow.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import gov.qsmo.workflow.ProcessEngineTest;
import gov.qsmo.workflow.designation.TestDesignations;
import gov.qsmo.workflow.identity.IdentitySetup;
import gov.qsmo.workflow.identity.Roles;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A director keeps the QSMO's marketplace through the start form "Change a marketplace offering": adds an offering,
 * changes only the fields given, and is refused another QSMO's offerings or an available offering without a
 * contract vehicle; every change is recorded.
 */
@ProcessEngineTest
class MarketplaceProcessTests {

  static final String DIRECTOR = "test.market.director.dhs";
  static final String OTHER = "test.market.director.hhs";

  @Autowired
  RepositoryService repositoryService;
  @Autowired
  FormService formService;
  @Autowired
  IdentityService identityService;
  @Autowired
  IdentitySetup identitySetup;
  @Autowired
  MarketplaceService marketplace;
  @Autowired
  JdbcTemplate jdbc;

  @BeforeEach
  void setUp() {
    identitySetup.ensureUser(DIRECTOR, "Test", "Director DHS", "pw", Roles.QSMO_DIRECTORS, Roles.directorsOf("DHS"));
    identitySetup.ensureUser(OTHER, "Test", "Director HHS", "pw", Roles.QSMO_DIRECTORS, Roles.directorsOf("HHS"));
  }

  @AfterEach
  void signOut() {
    identityService.clearAuthentication();
  }

  @Test
  void theDirectorAddsAnOfferingThenChangesOnlyWhatTheFormGives() {
    String designation = designated("DHS");
    submit(DIRECTOR, Map.of("designationId", designation.toLowerCase(), "name", "Protective DNS resolver",
        "providerType", "FEDERAL", "provider", "CISA", "status", "PLANNED", "customerAgencies", "ed"));
    Long id = jdbc.queryForObject("select id from qsmo.marketplace_offering where designation_id = ?", Long.class,
        designation);

    submit(DIRECTOR, Map.of("offeringId", id, "status", "AVAILABLE", "contractVehicle", "Interagency agreement"));

    Offering changed = marketplace.require(id);
    assertThat(changed.getStatus()).isEqualTo(Offering.Status.AVAILABLE);
    assertThat(changed.getContractVehicle()).isEqualTo("Interagency agreement");
    assertThat(changed.getName()).isEqualTo("Protective DNS resolver");
    assertThat(changed.getCustomerAgencies()).containsExactly("ED");
    assertThat(marketplace.changes(id, 0, 10)).extracting(OfferingChange::getAction).containsExactly("ADDED", "CHANGED");
    assertThat(marketplace.changes(id, 0, 10).get(1).getSummary())
        .isEqualTo("contract vehicle: none to Interagency agreement; status: PLANNED to AVAILABLE");
  }

  @Test
  void anotherQsmosDirectorAndAnAvailableOfferingWithoutAVehicleAreRefused() {
    String designation = designated("DHS");
    Map<String, Object> offering = Map.of("designationId", designation, "name", "Managed firewall",
        "providerType", "COMMERCIAL", "provider", "Schedule vendors", "status", "AVAILABLE");

    assertThatThrownBy(() -> submit(DIRECTOR, offering)).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("names the contract vehicle");
    assertThatThrownBy(() -> submit(OTHER, Map.of("designationId", designation, "name", "Managed firewall",
        "providerType", "COMMERCIAL", "provider", "Schedule vendors", "status", "PLANNED")))
        .isInstanceOf(AuthorizationException.class).hasMessageContaining("Only the QSMO directors of DHS");
    assertThat(jdbc.queryForObject("select count(*) from qsmo.marketplace_offering where designation_id = ?",
        Integer.class, designation)).isZero();
  }

  @Test
  void aSupersededQsmosOfferingsCanOnlyBeRetired() {
    String designation = designated("DHS");
    submit(DIRECTOR, Map.of("designationId", designation, "name", "Managed firewall", "providerType", "COMMERCIAL",
        "provider", "Schedule vendors", "status", "PLANNED"));
    Long id = jdbc.queryForObject("select id from qsmo.marketplace_offering where designation_id = ?", Long.class,
        designation);
    TestDesignations.designated(jdbc, "CYBER", "GSA", designation);

    assertThatThrownBy(() -> submit(DIRECTOR, Map.of("offeringId", id, "status", "AVAILABLE",
        "contractVehicle", "GSA MAS"))).isInstanceOf(FormFieldValidationException.class)
        .hasMessageContaining("its offerings can only be retired");
    submit(DIRECTOR, Map.of("offeringId", id, "status", "RETIRED"));

    assertThat(marketplace.require(id).getStatus()).isEqualTo(Offering.Status.RETIRED);
  }

  private String designated(String agency) {
    return TestDesignations.designated(jdbc, "CYBER", agency, null);
  }


  private void submit(String user, Map<String, Object> values) {
    String definition = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(OfferingChangeProcess.KEY).latestVersion().singleResult().getId();
    List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
        .map(org.camunda.bpm.engine.identity.Group::getId).toList();
    identityService.setAuthentication(user, groups);
    try {
      formService.submitStartForm(definition, new HashMap<>(values));
    } finally {
      identityService.clearAuthentication();
    }
  }
}
