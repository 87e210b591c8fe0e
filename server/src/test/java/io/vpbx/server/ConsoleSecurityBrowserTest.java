package io.vpbx.server;

import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's defences, seen in a real browser: markup typed into a comment or a name is shown as text and never
 * runs; another account's number typed into the URL is "not found"; a viewer's change is refused by the API and the
 * refusal is shown next to the form; a change without the CSRF token is refused; the pages fit 360 px; the language
 * switch is remembered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class ConsoleSecurityBrowserTest implements ConsoleBrowser.User {
    private static final String HOSTILE = "<script>window.pwned=1</script>\"><img src=x onerror=\"window.pwned=2\">";
    private static final String OWNER = "ivan@acme.example";
    private static final String OWNER_PHONE = "+79161110002";
    private static final String VIEWER = "vera@acme.example";
    private static final String VIEWER_PHONE = "+79161110003";
    private static final String OURS = "+74951230001";
    private static final String THEIRS = "+74951230005";

    private RunningServer running;
    private ConsoleFixtures fixtures;
    private ConsoleBrowser browser;
    private String acme;

    @Override
    public ConsoleBrowser browser() {
        return browser;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) {
        running = new RunningServer("h2", dataDir);
        Api api = running.api;
        fixtures = new ConsoleFixtures(api);
        acme = fixtures.account("Acme")[0];
        String globex = fixtures.account("Globex")[0];
        fixtures.catalog("+74951230000", "+74951230009");
        fixtures.buy(acme, OURS);
        fixtures.buy(globex, THEIRS);
        ok(200, api.patch("/v1/numbers/" + OURS, acme, "{\"comment\":" + json(HOSTILE) + "}"));
        ok(201, api.post("/v1/employees", acme, """
                {"name":%s,"extension":"101","sip_username":"anna","sip_password":"%s"}""".formatted(json(HOSTILE),
                CallFixtures.PASSWORD)));
        fixtures.person(acme, OWNER, "Ivan", "owner", OWNER_PHONE);
        fixtures.person(acme, VIEWER, "Vera", "viewer", VIEWER_PHONE);
        browser = new ConsoleBrowser(running.server.adminPort(), "en-US");
    }

    private static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @AfterEach
    void signOut() {
        browser.resize(1280, 900);
        if (!browser.all("#sign-out").isEmpty()) {
            browser.click("#sign-out");
            browser.waitFor("#signin-form");
        }
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
    void markupInACommentOrANameIsShownAsTextAndNeverRuns() {
        fixtures.signIn(browser, OWNER, OWNER_PHONE);
        browser.waitFor("#numbers-list tr[data-number='" + OURS + "']");
        assertEquals(HOSTILE, browser.text("#numbers-list tr[data-number='" + OURS + "'] td.comment"));
        assertTrue(browser.all("#numbers-list img").isEmpty(), "no element was made from the comment");

        browser.click("a[href='#/staff']");
        browser.waitForText("#employees", "window.pwned");
        assertEquals(HOSTILE, browser.text("#employees td.name"));
        assertTrue(browser.all("main img").isEmpty());
        assertNull(browser.script("return window.pwned;"), "nothing the user typed ran");
    }

    @Test
    void anotherAccountsNumberTypedIntoTheUrlIsNotFound() {
        fixtures.signIn(browser, OWNER, OWNER_PHONE);
        browser.open("#/numbers/" + THEIRS.replace("+", "%2B"));
        browser.waitForText(".page-error h1", "Not found");
        assertTrue(browser.all("#forwarding-form").isEmpty());
    }

    @Test
    void aViewersChangeIsRefusedByTheApiAndShownNextToTheForm() {
        fixtures.signIn(browser, VIEWER, VIEWER_PHONE);
        browser.open("#/numbers/" + OURS.replace("+", "%2B"));
        browser.waitFor("#comment-form");
        assertTrue(browser.text(".notice").contains("viewer"));
        browser.type("#comment-form textarea[name=comment]", "changed by a viewer");
        browser.click("#comment-form button[type=submit]");
        browser.waitForText("#comment-form", "Not allowed");
        assertEquals(HOSTILE, running.api.get("/v1/numbers/" + OURS, acme).json().path("comment").asText(),
                "the comment stayed");
    }

    @Test
    void anOwnerSeesThePeopleAndTheLoginJournal() {
        fixtures.signIn(browser, OWNER, OWNER_PHONE);
        browser.click("a[href='#/security']");
        browser.waitForText("#users", VIEWER);
        browser.waitForText("#login-journal", OWNER);
        assertTrue(browser.text("#login-journal").contains("ok"), browser.text("#login-journal"));
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() {
        fixtures.signIn(browser, OWNER, OWNER_PHONE);
        long status = browser.fetchStatus("PATCH", "/v1/numbers/" + OURS.replace("+", "%2B"), "{\"comment\":\"forged\"}", Map.of());
        assertEquals(403L, status, "the session cookie alone does not change anything");
    }

    @Test
    void thePagesFit360PixelsAndTheLanguageSwitchIsRemembered() {
        fixtures.signIn(browser, OWNER, OWNER_PHONE);
        browser.resize(360, 740);
        browser.open("#/numbers");
        browser.waitFor("#numbers-list table");
        long overflow = (Long) browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, overflow, "no sideways scrolling of the page at 360 px: tables scroll in their own box");

        browser.click("header button[lang=ru]");
        browser.waitForText("h1", "Номера");
        browser.driver.navigate().refresh();
        browser.waitForText("h1", "Номера");
        browser.click("header button[lang=en]");
        browser.waitForText("h1", "Numbers");
    }
}
