package gov.qsmo.workflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import gov.qsmo.workflow.RunningApplicationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The marketplace catalog page in Debian's chromium, signed in through Tasklist (the same session): a reviewer
 * (any federal user) reads the demo's catalog, filters it to available federal offerings and to words, and axe-core
 * finds no serious or critical violation; a respondent's account is told the catalog is for federal users.
 */
@RunningApplicationTest
class MarketplaceBrowserIT {

  @LocalServerPort
  int port;

  @Test
  void aFederalUserBrowsesAndFiltersTheCatalog() {
    String baseUrl = "http://localhost:" + port;
    try (Browser browser = Browser.start("marketplace")) {
      browser.logIntoTasklist(baseUrl, "reviewer1");
      browser.open(baseUrl + "/marketplace/");
      browser.waitForText(By.id("status"), "offerings.");
      assertThat(browser.visible(By.id("table")).getText()).contains("Protective DNS resolver")
          .contains("Security operations center as a service").contains("Legacy vulnerability scanning");
      assertThat(browser.seriousAccessibilityViolations("body")).isEmpty();
      browser.screenshot("catalog");
      browser.shootPage("marketplace-catalog");

      new Select(browser.visible(By.name("status"))).selectByValue("AVAILABLE");
      new Select(browser.visible(By.name("providerType"))).selectByValue("FEDERAL");
      browser.press(By.cssSelector("#filters button[type='submit']"));
      browser.waitForText(By.id("status"), "Showing");
      String available = browser.visible(By.id("table")).getText();
      assertThat(available).contains("Protective DNS resolver").contains("Core financial system hosting")
          .doesNotContain("Security operations center as a service").doesNotContain("Vulnerability disclosure");

      browser.type(By.name("q"), "DNS");
      browser.press(By.cssSelector("#filters button[type='submit']"));
      browser.waitForText(By.id("status"), "Showing 1 of 1");
      assertThat(browser.visible(By.id("table")).getText()).contains("Protective DNS resolver")
          .doesNotContain("Core financial system hosting");
      browser.screenshot("filtered");
    }
    try (Browser browser = Browser.start("marketplace-respondent")) {
      browser.logIntoTasklist(baseUrl, "respondent.acme");
      browser.open(baseUrl + "/marketplace/");
      browser.waitForText(By.id("status"), "for federal users");
    }
  }
}
