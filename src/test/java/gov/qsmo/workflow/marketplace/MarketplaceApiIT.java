package gov.qsmo.workflow.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The marketplace over real HTTP as the demo users: every federal user browses and filters the catalog (a
 * respondent's account may not); only the QSMO's own directors add and change its offerings; a change against a
 * stale version is refused; every change is recorded with what changed.
 */
@RunningApplicationTest
class MarketplaceApiIT {

  private static final String OFFERINGS = "/api/designations/" + MarketplaceDemoData.CYBER + "/offerings";

  @LocalServerPort
  int port;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void everyFederalUserBrowsesTheCatalogFilteredAndPaged() {
    for (String user : List.of("reviewer1", "contracting.officer", "board.dhs", "omb.analyst", "auditor",
        "director.hhs", "panel.chair")) {
      assertThat(http.get(user, "/api/marketplace/offerings").status()).as(user).isEqualTo(200);
    }
    assertThat(http.get("respondent.acme", "/api/marketplace/offerings").status()).isEqualTo(403);

    JsonNode cyber = http.get("reviewer1", "/api/marketplace/offerings?area=cyber&size=200").json();
    assertThat(cyber.path("offerings").findValuesAsText("areaCode")).containsOnly("CYBER");
    assertThat(cyber.path("offerings").findValuesAsText("status")).contains("AVAILABLE", "PLANNED", "RETIRED");
    JsonNode usedByEd = http.get("reviewer1", "/api/marketplace/offerings?customer=ED").json();
    assertThat(usedByEd.path("offerings").findValuesAsText("name")).contains("Protective DNS resolver");
    assertThat(usedByEd.path("offerings").get(0).path("customerAgencies").toString()).contains("ED");
    JsonNode commercialPlanned = http.get("reviewer1",
        "/api/marketplace/offerings?status=planned&providerType=COMMERCIAL").json();
    assertThat(commercialPlanned.path("offerings").findValuesAsText("status")).containsOnly("PLANNED");
    assertThat(commercialPlanned.path("offerings").findValuesAsText("providerType")).containsOnly("COMMERCIAL");
    JsonNode words = http.get("reviewer1", "/api/marketplace/offerings?q=dns").json();
    assertThat(words.path("offerings").findValuesAsText("name")).containsExactly("Protective DNS resolver");
    JsonNode firstPage = http.get("reviewer1", "/api/marketplace/offerings?size=2").json();
    assertThat(firstPage.path("offerings").size()).isEqualTo(2);
    assertThat(firstPage.path("total").asLong()).isGreaterThanOrEqualTo(6);
    JsonNode secondPage = http.get("reviewer1", "/api/marketplace/offerings?size=2&page=1").json();
    assertThat(secondPage.path("offerings").findValuesAsText("id"))
        .doesNotContainAnyElementsOf(firstPage.path("offerings").findValuesAsText("id"));
    assertThat(http.get("reviewer1", "/api/marketplace/offerings?status=SOLD").status()).isEqualTo(400);
    assertThat(http.get("reviewer1", "/api/marketplace/offerings?size=500").status()).isEqualTo(400);
  }

  @Test
  void onlyTheQsmosDirectorsAddAndChangeItsOfferingsEachChangeRecorded() {
    Map<String, Object> offering = new HashMap<>(Map.of("name", "Endpoint detection and response",
        "providerType", "COMMERCIAL", "provider", "Schedule vendors", "status", "PLANNED",
        "customerAgencies", List.of("va")));
    for (String other : List.of("director.hhs", "omb.decider", "auditor", "reviewer1")) {
      assertThat(http.post(other, OFFERINGS, offering).status()).as(other + " adds").isEqualTo(403);
    }
    Response added = http.post("director.dhs", OFFERINGS, offering);
    assertThat(added.status()).as(added.body()).isEqualTo(201);
    String path = "/api/marketplace/offerings/" + added.json().path("id").asText();
    assertThat(added.json().path("customerAgencies").toString()).isEqualTo("[\"VA\"]");
    int version = added.json().path("version").asInt();

    Map<String, Object> available = new HashMap<>(offering);
    available.put("status", "AVAILABLE");
    available.put("version", version);
    Response noVehicle = http.put("director.dhs", path, available);
    assertThat(noVehicle.status()).isEqualTo(400);
    assertThat(noVehicle.json().path("field").asText()).isEqualTo("contractVehicle");
    available.put("contractVehicle", "GSA MAS special item number");
    assertThat(http.put("director.hhs", path, available).status()).as("another QSMO's director").isEqualTo(403);
    assertThat(http.put("omb.decider", path, available).status()).isEqualTo(403);
    Response changed = http.put("director.dhs", path, available);
    assertThat(changed.status()).as(changed.body()).isEqualTo(200);
    assertThat(changed.json().path("status").asText()).isEqualTo("AVAILABLE");

    Response stale = http.put("director.dhs", path, available);
    assertThat(stale.status()).as("the version read before the change").isEqualTo(409);
    assertThat(stale.json().path("detail").asText()).contains("was changed by director.dhs");

    JsonNode changes = http.get("auditor", path + "/changes").json();
    assertThat(changes.findValuesAsText("action")).containsExactly("ADDED", "CHANGED");
    assertThat(changes.get(1).path("summary").asText())
        .contains("contract vehicle: none to GSA MAS special item number").contains("status: PLANNED to AVAILABLE");
    assertThat(changes.findValuesAsText("changedBy")).containsOnly("director.dhs");
  }
}
