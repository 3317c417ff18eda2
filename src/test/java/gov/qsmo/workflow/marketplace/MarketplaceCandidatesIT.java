package gov.qsmo.workflow.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.rfi.RfiDemoData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An RFI feeds its QSMO's marketplace, over real HTTP as the demo users: the RFI names its QSMO, the decision's role
 * matrix (any federal user reads it, only the QSMO's directors make it), a ranked response becoming a candidate and
 * then available once its contract vehicle is recorded, and the demo's RFI waiting for the decision.
 */
@RunningApplicationTest
class MarketplaceCandidatesIT {

  @LocalServerPort
  int port;
  @Autowired
  RfiDemoData rfiDemo;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void onlyTheQsmosDirectorsDecideAndAChosenResponseBecomesACandidateThenAnAvailableOffering() {
    String rfi = rfiDemo.reportApproved("Request for Information: grants payment integrity tools",
        "Tools that find improper grant payments before they are made.");
    String decision = "/api/marketplace/rfi-decisions/" + rfi;
    assertThat(http.get("auditor", "/api/rfis/" + rfi).json().path("designationId").asText())
        .isEqualTo("DSG-2021-0001");

    for (String reader : List.of("auditor", "omb.decider", "board.dhs", "director.dhs", "contracting.officer")) {
      Response read = http.get(reader, decision);
      assertThat(read.status()).as(reader + " reads the decision").isEqualTo(200);
      assertThat(read.json().path("status").asText()).isEqualTo("PENDING");
    }
    assertThat(http.get("respondent.acme", decision).status()).isEqualTo(403);

    List<String> ranked = ranked(rfi);
    Map<String, Object> choose = Map.of("responseIds", List.of(ranked.get(0)), "note", "Pilot first.");
    for (String other : List.of("omb.decider", "auditor", "contracting.officer", "board.chair")) {
      assertThat(http.post(other, decision, choose).status()).as(other + " decides").isEqualTo(403);
    }
    assertThat(http.post("director.dhs", decision, choose).status()).as("another QSMO's director").isEqualTo(403);
    Response wrong = http.post("director.hhs", decision, Map.of("responseIds", List.of("RSP-1999-0001-001")));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.body()).contains("responseIds").contains("is not a ranked response");
    assertThat(http.get("auditor", decision).json().path("offerings")).isEmpty();

    Response decided = http.post("director.hhs", decision, choose);
    assertThat(decided.status()).as(decided.body()).isEqualTo(200);
    assertThat(decided.json().path("status").asText()).isEqualTo("DECIDED");
    JsonNode candidate = decided.json().path("offerings").get(0);
    assertThat(candidate.path("source").asText()).isEqualTo("RFI");
    assertThat(candidate.path("status").asText()).isEqualTo("PLANNED");
    assertThat(candidate.path("responseId").asText()).isEqualTo(ranked.get(0));
    assertThat(http.post("director.hhs", decision, choose).status()).isEqualTo(409);

    // Available once its contract vehicle is recorded.
    Response available = http.put("director.hhs", "/api/marketplace/offerings/" + candidate.path("id").asText(),
        Map.of("name", candidate.path("name").asText(), "providerType", "COMMERCIAL",
            "provider", candidate.path("provider").asText(), "contractVehicle", "GSA MAS",
            "status", "AVAILABLE", "version", candidate.path("version").asInt()));
    assertThat(available.status()).as(available.body()).isEqualTo(200);
    JsonNode catalog = http.get("reviewer1", "/api/marketplace/offerings?designationId=DSG-2021-0001&status=AVAILABLE"
        + "&size=200").json();
    assertThat(catalog.toString()).contains(candidate.path("name").asText()).contains("GSA MAS");
  }

  @Test
  void theDemosGrantsRfiWaitsForTheMarketplaceDecisionUnderTheDirectorsFilter() {
    List<String> filters = new ArrayList<>();
    http.get("director.hhs", "/engine-rest/filter?resourceType=Task").json()
        .forEach(f -> filters.add(f.path("name").asText()));
    assertThat(filters).contains("Marketplace candidates to decide");
    JsonNode tasks = http.get("director.hhs", "/engine-rest/task?processDefinitionKey=" + CandidatesProcess.KEY)
        .json();
    assertThat(tasks.findValuesAsText("name")).anySatisfy(name -> assertThat(name)
        .startsWith("Decide marketplace candidates: RFI-").endsWith("(DSG-2021-0001)"));
    assertThat(http.get("director.dhs", "/engine-rest/task?processDefinitionKey=" + CandidatesProcess.KEY).json())
        .as("another agency's director sees none").isEmpty();
  }

  /** The RFI's ranked responses, best first, as its results show them to the issuing director. */
  private List<String> ranked(String rfi) {
    List<String> ids = new ArrayList<>();
    http.get("director.hhs", "/api/rfis/" + rfi + "/results").json().path("ranking")
        .forEach(r -> ids.add(r.path("responseId").asText()));
    assertThat(ids).as("ranking of " + rfi).isNotEmpty();
    return ids;
  }
}
