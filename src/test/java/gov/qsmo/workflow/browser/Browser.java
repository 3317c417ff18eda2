package gov.qsmo.workflow.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, never a downloaded browser.
 * Without them the test is skipped with the reason printed; with CI=true their absence fails it.
 */
final class Browser implements AutoCloseable {

  static final File CHROMIUM = new File("/usr/bin/chromium");
  static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

  private final ChromeDriver driver;
  private final WebDriverWait wait;
  private final Path screenshots;
  private int shot;

  private Browser(ChromeDriver driver, Path screenshots) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    this.screenshots = screenshots;
  }

  static Browser start(String testName) {
    if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
      String reason = "Browser test skipped: " + CHROMIUM + " or " + CHROMEDRIVER
          + " is missing (apt-get install chromium chromium-driver).";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason.replace("skipped", "failed") + " CI=true requires them.");
      }
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,1100");
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
    try {
      Path screenshots = Files.createDirectories(Path.of("target", "browser", testName));
      return new Browser(new ChromeDriver(service, options), screenshots);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void open(String url) {
    driver.get(url);
  }

  void logIntoTasklist(String baseUrl, String user) {
    logInto(baseUrl + "/camunda/app/tasklist/default/", user);
    visible(By.xpath("//a[contains(., 'My tasks')]"));
  }

  /** Signs in to Cockpit as a demo user (their password is their id). */
  void logIntoCockpit(String baseUrl, String user) {
    logInto(baseUrl + "/camunda/app/cockpit/default/", user);
    visible(By.cssSelector(".dashboard, [cam-widget-header], .ctn-header"));
  }

  private void logInto(String url, String user) {
    open(url);
    visible(By.cssSelector("input[ng-model='username']")).sendKeys(user);
    visible(By.cssSelector("input[ng-model='password']")).sendKeys(user);
    clickable(By.cssSelector("button[type='submit']")).click();
  }

  WebElement visible(By by) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  WebElement clickable(By by) {
    return wait.until(ExpectedConditions.elementToBeClickable(by));
  }

  /** Waits for the text; on a time-out, fails naming the text the element shows instead (and takes a screenshot). */
  void waitForText(By by, String text) {
    try {
      wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    } catch (org.openqa.selenium.TimeoutException e) {
      String shown = driver.findElements(by).isEmpty() ? "(no such element)" : driver.findElement(by).getText();
      screenshot("timed-out");
      throw new AssertionError("Waited for '" + text + "' in " + by + "; it shows: " + shown, e);
    }
  }

  /**
   * Clicks an element low on a long form, which Tasklist's footer or its error notification (fixed
   * at the bottom, with no close button) may cover: the click goes to the element itself, as a
   * person's would after scrolling.
   */
  void press(By by) {
    WebElement button = clickable(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
  }

  /**
   * Replaces a form field's text after scrolling to it (Tasklist may have restored an earlier draft).
   * Leaving the field (Tab) hands the text to the form at once: form-js takes typed text with a delay,
   * and a click on Complete within that delay would submit the old value.
   *
   * <p>Then it waits out that delay once more: a number field hands its value over again one delay
   * after leaving it, and that re-renders the form, which resets a text area whose typed text the
   * form has not taken yet. Typing straight on into the next field could lose that text.
   */
  void type(By by, String text) {
    WebElement field = visible(by);
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus();", field);
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
    field.sendKeys(text);
    field.sendKeys(Keys.TAB);
    wait.until(d -> text.equals(d.findElement(by).getAttribute("value")));
    pause(FORM_INPUT_DELAY.multipliedBy(2));
  }

  /** form-js's delay before it takes typed input (its default "debounceInput", 300 ms). */
  static final Duration FORM_INPUT_DELAY = Duration.ofMillis(300);

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Saves a screenshot under target/browser/, for a person to look at. */
  void screenshot(String name) {
    try {
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), screenshots.resolve(String.format("%02d-%s.png", ++shot, name)),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** axe-core, installed by {@code npm ci} in .ci (as .ci/run does before the tests). */
  static final Path AXE = Path.of(".ci", "node_modules", "axe-core", "axe.min.js");

  /**
   * Runs axe-core on the element matched by the CSS selector (a task's form as Tasklist renders it) and
   * returns its violations of serious or critical impact, one line each (rule, impact, help, nodes).
   * Without axe-core the test is skipped with the reason printed; with CI=true that fails it.
   */
  java.util.List<String> seriousAccessibilityViolations(String selector) {
    if (!Files.isReadable(AXE)) {
      String reason = "Accessibility check skipped: " + AXE + " is missing (cd .ci && npm ci).";
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(reason.replace("skipped", "failed") + " CI=true requires it.");
      }
      System.out.println(reason);
      Assumptions.abort(reason);
    }
    try {
      if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe !== 'undefined';"))) {
        driver.executeScript(Files.readString(AXE));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    Object result = driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        axe.run(document.querySelector(arguments[0]), {resultTypes: ['violations']})
          .then(r => done(r.violations
            .filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
              + v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe-core failed: ' + e]));
        """, selector);
    @SuppressWarnings("unchecked")
    java.util.List<String> violations = (java.util.List<String>) result;
    return violations;
  }

  /** The form fields (input, textarea, select) in the selector's element without an accessible label. */
  java.util.List<String> unlabelledInputs(String selector) {
    @SuppressWarnings("unchecked")
    java.util.List<String> unlabelled = (java.util.List<String>) driver.executeScript("""
        return Array.from(document.querySelector(arguments[0]).querySelectorAll('input, textarea, select'))
          .filter(e => e.type !== 'hidden')
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')
            && !e.getAttribute('aria-labelledby'))
          .map(e => (e.name || e.id || e.outerHTML.substring(0, 80)));
        """, selector);
    return unlabelled;
  }

  /** GETs a URL from the page, as a click on a link would: with the browser's session cookie. */
  String fetchStatusAndType(String url) {
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    return (String) driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        fetch(arguments[0], {credentials: 'same-origin'})
          .then(r => done(r.status + ' ' + (r.headers.get('Content-Type') || '')))
          .catch(e => done('failed: ' + e));
        """, url);
  }

  void execute(String script) {
    driver.executeScript(script);
  }

  /** The value of a script run in the page (with {@code arguments}). */
  Object evaluate(String script, Object... arguments) {
    return driver.executeScript(script, arguments);
  }

  /**
   * The tables inside the element matched by the CSS selector that run past its right edge or the window's (and so
   * are cut off): "first header: where it ends, where the edge is" each.
   */
  @SuppressWarnings("unchecked")
  java.util.List<String> tablesWiderThan(String selector) {
    return (java.util.List<String>) driver.executeScript("""
        const form = document.querySelector(arguments[0]);
        if (!form) { return []; }
        const edge = Math.min(form.getBoundingClientRect().right, document.documentElement.clientWidth);
        return Array.from(form.querySelectorAll('table'))
          .filter(t => t.getBoundingClientRect().right > edge + 1)
          .map(t => (t.querySelector('th') ? t.querySelector('th').textContent.trim() : 'table') + ': ends at '
            + Math.round(t.getBoundingClientRect().right) + ' px, past the edge at ' + Math.round(edge) + ' px');
        """, selector);
  }

  /**
   * Fetches a URL from the page, with the browser's own session (as following a link does): "STATUS body",
   * the body cut at 2,000 characters.
   */
  String fetch(String url) {
    Object result = driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
        + "fetch(arguments[0], {credentials: 'same-origin'}).then(function (r) { return r.text().then("
        + "function (t) { done(r.status + ' ' + t.substring(0, 2000)); }); })"
        + ".catch(function (e) { done('failed ' + e); });", url);
    return String.valueOf(result);
  }

  /** Whether the element becomes visible within this time (no failure if not). */
  boolean appearsWithin(By by, Duration time) {
    try {
      new WebDriverWait(driver, time).until(ExpectedConditions.visibilityOfElementLocated(by));
      return true;
    } catch (org.openqa.selenium.TimeoutException e) {
      return false;
    }
  }

  boolean isPresent(By by) {
    return !driver.findElements(by).isEmpty() && driver.findElements(by).stream().anyMatch(WebElement::isDisplayed);
  }

  /**
   * Saves the task's form, whole, as docs/images/NAME.png for the README when the property
   * {@code qsmo.screenshots} is set ({@code -Dqsmo.screenshots=true}); otherwise does nothing.
   */
  void shoot(String name) {
    if (!Boolean.getBoolean("qsmo.screenshots")) {
      return;
    }
    // Tasklist scrolls the form inside its panel: a window as tall as the form (at most 3000 px) shows it.
    Number height = (Number) driver.executeScript(
        "return document.querySelector('.fjs-container').getBoundingClientRect().height;");
    driver.executeScript("document.querySelector('.fjs-container').scrollIntoView({block: 'start'});");
    saveForReadme(name, Math.min(3000, height.intValue() + 450));
  }

  /**
   * Saves the whole page (at most 2,400 px tall) as docs/images/NAME.png for the README when
   * {@code qsmo.screenshots} is set; otherwise does nothing.
   */
  void shootPage(String name) {
    if (!Boolean.getBoolean("qsmo.screenshots")) {
      return;
    }
    Number height = (Number) driver.executeScript("return document.documentElement.scrollHeight;");
    saveForReadme(name, Math.min(2400, height.intValue() + 120));
  }

  /** A screenshot in a window at least {@code height} tall, as docs/images/NAME.png; the window's size restored. */
  private void saveForReadme(String name, int height) {
    org.openqa.selenium.Dimension before = driver.manage().window().getSize();
    driver.manage().window().setSize(new org.openqa.selenium.Dimension(before.getWidth(),
        Math.max(before.getHeight(), height)));
    pause(Duration.ofMillis(500));
    try {
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Files.copy(png.toPath(), Path.of("docs", "images", name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      driver.manage().window().setSize(before);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
