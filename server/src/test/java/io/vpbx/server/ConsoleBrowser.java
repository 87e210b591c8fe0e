package io.vpbx.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (bin/ensure-chromium installs both), with a fresh
 * profile that is deleted on close: one per test class, since starting a browser costs about a second.
 */
final class ConsoleBrowser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    /** A test class that drives a browser gives it to {@link ScreenshotOnFailure}. */
    interface User {
        ConsoleBrowser browser();
    }

    final ChromeDriver driver;
    private final WebDriverWait wait;
    private final String base;
    private final Path profile;

    ConsoleBrowser(int adminPort, String language) {
        this.base = "http://127.0.0.1:" + adminPort + "/";
        try {
            this.profile = Files.createTempDirectory("vpbx-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments("--headless=new", "--no-sandbox",
                "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--window-size=1280,900", "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** Opens the console at a page, e.g. {@code #/numbers}. */
    void open(String hash) {
        driver.get(base + hash);
    }

    WebElement waitFor(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void waitForText(String css, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Waits until the select offers the value (options may load after the form), then chooses it. */
    void choose(String css, String value) {
        wait.until(d -> !d.findElements(By.cssSelector(css + " option[value='" + value + "']")).isEmpty());
        new Select(driver.findElement(By.cssSelector(css))).selectByValue(value);
    }

    /** Waits until the page is in the state the condition describes. */
    void until(java.util.function.Function<org.openqa.selenium.WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    void type(String css, CharSequence... keys) {
        WebElement element = waitFor(css);
        element.clear();
        element.sendKeys(keys);
    }

    void click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return waitFor(css).getText();
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Runs a fetch in the page (same origin, the session cookie included) and returns the answer's status. */
    long fetchStatus(String method, String path, String body, Map<String, String> headers) {
        return (Long) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[1], {method: arguments[0], credentials: 'same-origin', body: arguments[2],
                  headers: Object.assign({'Content-Type': 'application/json'}, arguments[3])})
                  .then((r) => done(r.status), () => done(-1));""", method, path, body, headers);
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** What the page wrote to its console (errors, CSP violations) since the last call. */
    List<LogEntry> consoleEntries() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temp profile is harmless
            }
        }
    }
}
