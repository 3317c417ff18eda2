package gov.qsmo.workflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.HttpTestClient;
import gov.qsmo.workflow.HttpTestClient.Response;
import gov.qsmo.workflow.RunningApplicationTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The closure days administrators add over HTTP, and who else is refused. */
@RunningApplicationTest
class CalendarApiIT {

  private static final String ADMIN = "admin:test-only-admin-password";
  private static final String CLOSURES = "/api/calendar/closures";

  @LocalServerPort
  int port;
  @Autowired
  BusinessCalendar calendar;

  HttpTestClient http;

  @BeforeEach
  void setUp() {
    http = new HttpTestClient(port);
  }

  @Test
  void anAdministratorAddsListsAndRemovesAClosureDay() {
    LocalDate day = TestDates.businessDay(calendar.today().plusDays(420));
    LocalDate before = calendar.addBusinessDays(day, -1);
    try {
      Response added = http.post(ADMIN, CLOSURES, Map.of("date", day.toString(), "reason", "Snow: offices closed."));
      assertThat(added.status()).as(added.body()).isEqualTo(201);
      assertThat(added.json().path("date").asText()).isEqualTo(day.toString());
      assertThat(added.json().path("addedBy").asText()).isEqualTo("admin");
      assertThat(calendar.isBusinessDay(day)).isFalse();
      assertThat(calendar.addBusinessDays(before, 1)).isEqualTo(calendar.nextBusinessDay(day)).isNotEqualTo(day);

      Response again = http.post(ADMIN, CLOSURES, Map.of("date", day.toString(), "reason", "Again."));
      assertThat(again.status()).as(again.body()).isEqualTo(409);
      assertThat(again.body()).contains("already closed on " + day);

      Response listed = http.get(ADMIN, CLOSURES + "?year=" + day.getYear());
      assertThat(listed.status()).isEqualTo(200);
      assertThat(listed.body()).contains(day.toString()).contains("Snow: offices closed.");

      assertThat(http.post("omb.decider", CLOSURES, Map.of("date", day.plusDays(1).toString(), "reason", "x"))
          .status()).isEqualTo(403);
      assertThat(http.delete("auditor", CLOSURES + "/" + day).status()).isEqualTo(403);
      assertThat(http.get("omb.analyst", CLOSURES).status()).isEqualTo(403);
      assertThat(calendar.isBusinessDay(day)).isFalse();
    } finally {
      Response removed = http.delete(ADMIN, CLOSURES + "/" + day);
      assertThat(removed.status()).as(removed.body()).isEqualTo(204);
    }
    assertThat(calendar.isBusinessDay(day)).isTrue();
    assertThat(http.delete(ADMIN, CLOSURES + "/" + day).status()).isEqualTo(404);
  }

  @Test
  void badDatesAreRefusedWithAMessageAndChangeNothing() {
    int before = calendar.closures(calendar.today().getYear()).size();
    LocalDate weekend = TestDates.nonBusinessDay(calendar.today().plusDays(30));
    Response weekendDay = http.post(ADMIN, CLOSURES, Map.of("date", weekend.toString(), "reason", "x"));
    assertThat(weekendDay.status()).as(weekendDay.body()).isEqualTo(400);
    assertThat(weekendDay.body()).contains("is no business day already");

    Response noDate = http.post(ADMIN, CLOSURES, Map.of("date", "2027-02-30", "reason", "x"));
    assertThat(noDate.status()).as(noDate.body()).isEqualTo(400);
    Response past = http.post(ADMIN, CLOSURES, Map.of("date", "2001-03-01", "reason", "x"));
    assertThat(past.status()).as(past.body()).isEqualTo(400);
    assertThat(past.body()).contains("has passed");
    Response noReason = http.post(ADMIN, CLOSURES, Map.of("date",
        TestDates.businessDay(calendar.today().plusDays(40)).toString()));
    assertThat(noReason.status()).as(noReason.body()).isEqualTo(400);
    assertThat(noReason.body()).contains("reason");
    Response badPath = http.delete(ADMIN, CLOSURES + "/next-monday");
    assertThat(badPath.status()).as(badPath.body()).isEqualTo(400);
    assertThat(badPath.body()).contains("yyyy-mm-dd");
    assertThat(http.get(ADMIN, CLOSURES + "?year=1900").status()).isEqualTo(400);
    assertThat(calendar.closures(calendar.today().getYear())).hasSize(before);
  }

  @Test
  void theHolidaysOfAYearAsObserved() {
    Response holidays = http.get(ADMIN, "/api/calendar/holidays?year=2027");
    assertThat(holidays.status()).isEqualTo(200);
    assertThat(holidays.json().size()).isEqualTo(12);
    assertThat(holidays.body()).contains("\"2027-12-24\"").contains("\"2027-12-31\"").contains("Christmas Day (observed)");
    assertThat(http.get("auditor", "/api/calendar/holidays?year=2027").status()).isEqualTo(403);
  }
}
