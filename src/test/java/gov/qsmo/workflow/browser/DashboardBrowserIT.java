package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.RunningApplicationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The dashboard in Debian's chromium, signed in through Tasklist (the same session): each persona sees
 * their own views and no other, reaches the dashboard from Tasklist's header, and axe-core finds no
 * serious or critical violation.
 */
@RunningApplicationTest
class DashboardBrowserIT {

  private static final List<String> VIEWS = List.of("my-work", "program", "board-rounds", "panels", "qsmo");

  @LocalServerPort
  int port;

  @Test
  void eachPersonaSeesTheirOwnViewsOnly() {
    // In this order, so that a failure names the same persona on every run.
    Map<String, List<String>> personas = new java.util.LinkedHashMap<>();
    personas.put("omb.decider", List.of("my-work", "program", "board-rounds"));
    personas.put("board.chair", List.of("my-work", "board-rounds"));
    personas.put("panel.chair", List.of("my-work", "panels"));
    personas.put("director.gsa", List.of("my-work", "qsmo"));
    personas.put("director.treas", List.of("my-work", "qsmo"));
    personas.put("auditor", List.of("my-work", "program", "board-rounds", "panels"));
    personas.put("reviewer1", List.of("my-work"));
    String baseUrl = "http://localhost:" + port;
    personas.forEach((user, shown) -> {
      try (Browser browser = Browser.start("dashboard-" + user)) {
        browser.logIntoTasklist(baseUrl, user);
        browser.press(By.cssSelector("a.qsmo-dashboard-link"));
        browser.waitForText(By.id("status"), "views for you");
        for (String view : VIEWS) {
          boolean visible = browser.isPresent(By.cssSelector("section#" + view + ":not([hidden])"));
          assertThat(visible).as(user + " sees " + view).isEqualTo(shown.contains(view));
        }
        assertThat(browser.seriousAccessibilityViolations("body")).as(user).isEmpty();
        browser.screenshot("dashboard");
        if (user.equals("omb.decider") || user.equals("panel.chair")) {
          browser.shootPage("dashboard-" + user.replace('.', '-'));
        }
        if (user.equals("omb.decider")) {
          // A board round says what it reviews; the data calls link to their consolidated inventories.
          String program = browser.visible(By.id("program")).getText();
          assertThat(program).contains("Assessments of designated QSMOs under way").contains("Under board review")
              .contains("Systems inventory data calls");
          assertThat(browser.visible(By.id("board-rounds")).getText()).contains("assessment");
        }
        if (user.equals("director.treas")) {
          // From the dashboard to the data call's page, with its charts.
          browser.press(By.cssSelector("section#qsmo a[href^='/inventory/?dataCall=']"));
          browser.waitForText(By.id("title"), "(DC-");
          browser.waitForText(By.id("status"), "Showing DC-");
          assertThat(browser.seriousAccessibilityViolations("body")).as("the data call's page").isEmpty();
        }
        if (user.equals("board.chair")) {
          // Who has voted, never how.
          String text = browser.visible(By.id("board-rounds")).getText();
          assertThat(text).doesNotContain("ENDORSE").doesNotContain("Return for revision");
        }
      }
    });
  }
}
