package gov.qsmo.workflow.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import gov.qsmo.workflow.calendar.TestDates;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Systems inventory data calls over real HTTP as the demo users: the role matrix of every action (issue, read the
 * call, submit, read an agency's and the consolidated inventory, CSV and summary), a CSV refused row by row with
 * nothing stored, a correction as a new version, and the demo's data call with one agency late.
 */
@RunningApplicationTest
class DataCallApiIT {

  static final String CSV = String.join("\r\n",
      "system_name,functions,provider,hosting,contract_end_date,annual_cost,modernization_plan,"
          + "modernization_target_date",
      "Labor ledger,Core accounting;Budget execution,Acme Federal,Commercial cloud,2027-09-30,4200000,,",
      "Labor payments hub,Payments,In-house,On premises,,650000,Retire after the move,2028-12-31");

  @LocalServerPort
  int port;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void theQsmosDirectorsIssueAndReadAndEachAgencysContactsSubmitAndReadOnlyTheirOwn() {
    String issue = "/api/designations/" + InventoryDemoData.QSMO + "/data-calls";
    Map<String, Object> request = Map.of("title", "Payment systems inventory", "dueDate",
        TestDates.businessDay(LocalDate.now().plusWeeks(3)).toString(), "agencyCodes", List.of("DOL", "ED"));
    for (String other : List.of("omb.decider", "auditor", "contact.dol")) {
      assertThat(http.post(other, issue, request).status()).as(other + " issues").isEqualTo(403);
    }
    assertThat(http.post("director.hhs", issue, request).status()).as("another QSMO's director").isEqualTo(403);
    Response issued = http.post("director.treas", issue, request);
    assertThat(issued.status()).as(issued.body()).isEqualTo(201);
    String call = "/api/data-calls/" + issued.json().path("id").asText();
    assertThat(issued.json().path("agencies").findValuesAsText("agencyCode")).containsExactly("DOL", "ED");

    for (String reader : List.of("director.treas", "omb.decider", "auditor")) {
      assertThat(http.get(reader, call).json().path("agencies").size()).as(reader + " reads every agency")
          .isEqualTo(2);
    }
    assertThat(http.get("contact.dol", call).json().path("agencies").findValuesAsText("agencyCode"))
        .containsExactly("DOL");
    assertThat(http.get("contact.dol", call).json().path("progress").path("asked").asInt())
        .as("a contact's figures are their own agency's").isEqualTo(1);
    assertThat(http.get("contact.doi", call).status()).as("an agency not asked").isEqualTo(404);
    assertThat(http.get("contact.doi", call + "/agencies/DOL/inventory").status())
        .as("a call that asks none of the caller's agencies is unknown to them on every endpoint").isEqualTo(404);
    assertThat(http.post("contact.doi", call + "/agencies/DOL/inventory", Map.of("lines", "x")).status())
        .as("... also when they post to it, before their lines are read").isEqualTo(404);
    assertThat(http.get("respondent.acme", call).status()).isEqualTo(403);

    String labor = call + "/agencies/DOL/inventory";
    Response wrongAgency = http.upload("contact.ed", labor, "labor.csv", "text/csv",
        CSV.getBytes(StandardCharsets.UTF_8));
    assertThat(wrongAgency.status()).isEqualTo(403);
    assertThat(http.upload("director.treas", labor, "labor.csv", "text/csv", CSV.getBytes(StandardCharsets.UTF_8))
        .status()).isEqualTo(403);
    Response bad = http.upload("contact.dol", labor, "labor.csv", "text/csv", (CSV + "\r\n"
        + "=HYPERLINK(\"x\"),Payments,Acme,Moon,31/12/2027,-5,,").getBytes(StandardCharsets.UTF_8));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("row 3").contains("system_name").contains("hosting").contains("contract_end_date")
        .contains("annual_cost");
    assertThat(http.get("director.treas", labor).json()).isEmpty();

    Response submitted = http.upload("contact.dol", labor, "labor.csv", "text/csv",
        CSV.getBytes(StandardCharsets.UTF_8));
    assertThat(submitted.status()).as(submitted.body()).isEqualTo(200);
    assertThat(submitted.json().path("version").asInt()).isEqualTo(1);
    Response corrected = http.post("contact.dol", labor, Map.of("lines",
        "Labor ledger | Core accounting | Acme Federal | Commercial cloud | 2027-09-30 | 4300000 | | "));
    assertThat(corrected.status()).as(corrected.body()).isEqualTo(200);
    assertThat(corrected.json().path("version").asInt()).isEqualTo(2);
    assertThat(http.get("contact.dol", labor + "?version=1").json().size()).isEqualTo(2);
    assertThat(http.get("contact.dol", labor).json().size()).isEqualTo(1);
    assertThat(http.get("contact.ed", labor).status()).isEqualTo(403);

    for (String path : List.of("/inventory", "/inventory.csv", "/summary")) {
      assertThat(http.get("contact.dol", call + path).status()).as("a contact reads " + path).isEqualTo(403);
      assertThat(http.get("director.treas", call + path).status()).as("the director reads " + path).isEqualTo(200);
      assertThat(http.get("auditor", call + path).status()).as("an auditor reads " + path).isEqualTo(200);
    }
    JsonNode consolidated = http.get("omb.decider", call + "/inventory").json();
    assertThat(consolidated.findValuesAsText("systemName")).containsExactly("Labor ledger");
    assertThat(consolidated.get(0).path("version").asInt()).isEqualTo(2);
    byte[] csv = http.bytes("director.treas", call + "/inventory.csv");
    assertThat(new String(csv, StandardCharsets.UTF_8)).startsWith("\uFEFFagency_code,version,system_name")
        .contains("DOL,2,Labor ledger");
    JsonNode summary = http.get("director.treas", call + "/summary").json();
    assertThat(summary.path("agencies").asInt()).isEqualTo(2);
    assertThat(summary.path("answered").asInt()).isEqualTo(1);
    assertThat(summary.path("systems").asInt()).isEqualTo(1);
  }

  @Test
  void theDemosDataCallHasTwoAgenciesAnsweredAndOneLate() {
    JsonNode calls = http.get("director.treas", "/api/designations/" + InventoryDemoData.QSMO + "/data-calls").json();
    JsonNode demo = null;
    for (JsonNode call : calls) {
      if (call.path("title").asText().startsWith("Financial systems inventory")) {
        demo = call;
      }
    }
    assertThat(demo).as("the demo's data call").isNotNull();
    assertThat(demo.has("agencies")).as("the list says where a call stands; its agencies are at its href").isFalse();
    assertThat(http.get("director.treas", demo.path("href").asText()).json().path("agencies").size()).isEqualTo(3);
    assertThat(demo.path("page").asText()).isEqualTo("/inventory/?dataCall=" + demo.path("id").asText());
    assertThat(demo.path("progress").path("asked").asInt()).isEqualTo(3);
    assertThat(demo.path("progress").path("answered").asInt()).isEqualTo(2);
    // (Other tests issue data calls of their own; the demo's stays as the demo data left it.)
    assertThat(demo.path("progress").path("late").asInt()).isEqualTo(1);
    List<String> late = new ArrayList<>();
    http.get("auditor", "/api/data-calls/" + demo.path("id").asText() + "?size=10").json().path("agencies")
        .forEach(a -> {
          if (a.path("late").asBoolean()) {
            late.add(a.path("agencyCode").asText());
          }
        });
    assertThat(late).containsExactly("DOI");
    JsonNode tasks = http.get("contact.doi", "/engine-rest/task?processDefinitionKey="
        + InventoryProcess.RESPONSE_KEY).json();
    String id = demo.path("id").asText();
    assertThat(tasks.findValuesAsText("name")).anySatisfy(name -> assertThat(name).contains(id));
  }
}
