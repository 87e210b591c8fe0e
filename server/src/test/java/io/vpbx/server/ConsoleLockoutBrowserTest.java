package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;

/**
 * Repeated wrong passwords typed into the sign-in page: after console.lockout.after failures the page says to wait
 * (the API's 429), and then even the right password waits. A class of its own: the lock-out also holds the source
 * address, which every other browser test signs in from. The first wait is a minute here, so that a slow machine
 * cannot outlast it between two tries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class ConsoleLockoutBrowserTest implements ConsoleBrowser.User {
    private static final String EMAIL = "petr@acme.example";
    private RunningServer running;
    private ConsoleBrowser browser;

    @Override
    public ConsoleBrowser browser() {
        return browser;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) {
        running = new RunningServer("h2", dataDir, "--console.lockout.after=3", "--console.lockout.base=1m");
        ConsoleFixtures fixtures = new ConsoleFixtures(running.api);
        fixtures.person(fixtures.account("Acme")[0], EMAIL, "Petr", "editor", "+79161110004");
        browser = new ConsoleBrowser(running.server.adminPort(), "en-US");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (running != null) {
            running.close();
        }
    }

    @Test
    void wrongPasswordsMakeTheSignInWait() {
        browser.open("#/signin");
        for (int attempt = 1; attempt <= 3; attempt++) {
            signIn("not the password " + attempt);
            answered();
            assertTrue(!browser.text("#signin-form .form-error").contains("Too many"), "attempt " + attempt);
        }
        signIn(ConsoleFixtures.PASSWORD);
        browser.waitForText("#signin-form .form-error", "Too many attempts");
        assertTrue(browser.all("#code-form").isEmpty(), "the right password waits too");
    }

    /** The answer is in: the error shows and the progress line is empty again. */
    private void answered() {
        browser.until(driver -> !browser.all("#signin-form .form-error").isEmpty()
                && browser.all("#signin-form [role=status]").get(0).getText().isEmpty());
    }

    private void signIn(String password) {
        browser.type("#signin-form input[name=email]", EMAIL);
        browser.type("#signin-form input[name=password]", password, Keys.ENTER);
    }
}
