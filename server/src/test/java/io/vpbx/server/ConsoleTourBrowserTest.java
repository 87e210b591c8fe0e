package io.vpbx.server;

import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Keys;
import org.openqa.selenium.logging.LogEntry;

/**
 * The web console's tour as a new user takes it, in headless Chromium against a whole server: accept the
 * invitation, sign in with the code from the SMS, find a gold number by mask and buy it, bind it to a device,
 * forward it to an employee, change ten numbers at once after reading the diff, upload a voice message and make it
 * the fallback, read the call records and the audit log, sign out. Each step checks what the API then holds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ScreenshotOnFailure.class)
class ConsoleTourBrowserTest implements ConsoleBrowser.User {
    private static final String EMAIL = "olga@acme.example";
    private static final String PHONE = "+79161110001";
    private static final String GOLD = "+74951277777";

    /** Given to @BeforeAll: a @TempDir field is filled only before each test, too late for a server per class. */
    private Path dataDir;
    private RunningServer running;
    private Api api;
    private ConsoleFixtures fixtures;
    private ConsoleBrowser browser;
    private String key;
    private String anna;
    private String device;

    @Override
    public ConsoleBrowser browser() {
        return browser;
    }

    @BeforeAll
    void start(@TempDir Path dataDir) {
        this.dataDir = dataDir;
        running = new RunningServer("h2", dataDir);
        api = running.api;
        fixtures = new ConsoleFixtures(api);
        key = fixtures.account("Acme")[0];
        fixtures.catalog("+74951230000", "+74951230009");
        fixtures.catalog("+74951277770", "+74951277779");
        fixtures.buy(key, "+74951230000", "+74951230001", "+74951230002", "+74951230003", "+74951230004",
                "+74951230005", "+74951230006", "+74951230007", "+74951230008", "+74951230009");
        anna = RegistrationFixtures.employee(api, key, "101", "anna", CallFixtures.PASSWORD);
        device = ok(201, api.post("/v1/m2m-devices", key, """
                {"type":"modem","model":"Teltonika RUT240","serial_number":"SN-0042","installation_address":"Moscow, Tverskaya 1"}"""))
                .json().get("id").asText();
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
    void aNewUserTakesTheWholeTour() throws IOException {
        acceptTheInvitation();
        fixtures.signIn(browser, EMAIL, PHONE);
        browser.waitForText("h1", "Numbers");

        findAGoldNumberByMaskAndBuyIt();
        bindItToTheDevice();
        forwardItToAnEmployee();
        changeTenNumbersAfterReadingTheDiff();
        uploadAVoiceMessageAndMakeItTheFallback();
        readTheCallRecordsAndTheAuditLog();
        signOut();

        List<LogEntry> problems = browser.consoleEntries().stream()
                .filter(entry -> entry.getMessage().contains("Content Security Policy") || entry.getMessage().contains("Uncaught"))
                .toList();
        assertEquals(List.of(), problems, "the pages ran without a script error or a CSP violation");
    }

    private void acceptTheInvitation() {
        String token = fixtures.invite(key, EMAIL, "Olga", "owner", PHONE);
        browser.open("#/accept/" + token);
        browser.type("input[name=password]", ConsoleFixtures.PASSWORD, Keys.ENTER);
        browser.waitFor("#signin-form");
    }

    private void findAGoldNumberByMaskAndBuyIt() {
        browser.click("a[href='#/buy']");
        browser.type("form.filters input[name=mask]", "*****77777");
        browser.choose("form.filters select[name=category]", "gold");
        browser.click("form.filters button[type=submit]");
        browser.waitFor("#catalog-results tr[data-number='" + GOLD + "']");
        assertTrue(browser.text("#catalog-results tr[data-number='" + GOLD + "']").contains("gold"));
        browser.click("#catalog-results tr[data-number='" + GOLD + "'] input.pick");
        browser.click("#reserve");
        browser.waitForText("#reservation", "Reserved for you");
        assertTrue(browser.text(".countdown").matches("\\d+:\\d\\d"), browser.text(".countdown"));
        browser.click("#buy");
        browser.waitForText("#reservation", "Bought");
        assertEquals("pending_compliance", state(GOLD), "bought: the account's now, waiting for its holder");
        browser.click("#reservation a");
        browser.waitFor("#forwarding-form");
    }

    private String state(String number) {
        return ok(200, api.get("/v1/numbers/" + number, key)).json().get("state").asText();
    }

    private void bindItToTheDevice() {
        browser.choose("#binding-form select[name=kind]", "m2m_device");
        browser.choose("#binding-form select[name=holder]", device);
        browser.click("#binding-form button[type=submit]");
        browser.waitForText("#binding-state", "M2M device");
        JsonNode binding = ok(200, api.get("/v1/numbers/" + GOLD + "/binding", key)).json();
        assertEquals(device, binding.get("holder_id").asText());
        browser.click("a[href='#/holders']");
        browser.waitForText("#m2m-devices", "Teltonika RUT240");
        browser.driver.navigate().back();
        browser.waitFor("#forwarding-form");
    }

    private void forwardItToAnEmployee() {
        browser.choose("#forwarding-form select[name=type]", "employee");
        browser.choose("#forwarding-form select[name=employee_id]", anna);
        browser.type("#forwarding-form input[name=ring_timeout]", "25");
        browser.click("#forwarding-form button[type=submit]");
        browser.waitForText("#forwarding-summary", "anna");
        JsonNode forwarding = ok(200, api.get("/v1/numbers/" + GOLD, key)).json().get("forwarding");
        assertEquals(anna, forwarding.get("target").get("employee_id").asText());
        assertEquals(25, forwarding.get("ring_timeout").asInt());
    }

    private void changeTenNumbersAfterReadingTheDiff() {
        browser.click("a[href='#/numbers']");
        browser.type("form.filters input[name=contains]", "123000");
        browser.click("form.filters button[type=submit]");
        browser.waitForText("#numbers-list", "10 shown");
        browser.click("#select-all");
        browser.waitForText("#bulk-count", "10 selected");
        browser.type(".bulk textarea[name=comment]", "Moved to the new office");
        browser.click("#bulk-preview");
        browser.waitFor("#bulk-diff table");
        assertEquals(10, browser.all("#bulk-diff tbody tr").size());
        assertTrue(browser.text("#bulk-diff").contains("Moved to the new office"));
        assertNotEquals("Moved to the new office", comment("+74951230003"), "the dry run changes nothing");
        browser.click("#bulk-apply");
        browser.waitForText("#numbers-status", "10 numbers changed");
        assertEquals("Moved to the new office", comment("+74951230003"));
    }

    private String comment(String number) {
        return ok(200, api.get("/v1/numbers/" + number, key)).json().path("comment").asText(null);
    }

    private void uploadAVoiceMessageAndMakeItTheFallback() throws IOException {
        Path wav = dataDir.resolve("closed.wav");
        Files.write(wav, Wavs.tone(8000, 1, 1.0, 440));
        browser.click("a[href='#/media']");
        browser.waitFor("#upload-form input[name=file]").sendKeys(wav.toAbsolutePath().toString());
        browser.type("#upload-form input[name=name]", "We are closed");
        browser.click("#upload-form button[type=submit]");
        browser.waitForText("#media-list", "We are closed");
        String media = ok(200, api.get("/v1/media", key)).json().get("items").get(0).get("id").asText();

        browser.open("#/numbers/" + GOLD.replace("+", "%2B"));
        browser.choose("#fallback-form select[name=type]", "voice_message");
        browser.choose("#fallback-form select[name=media_id]", media);
        browser.waitFor("#fallback-form audio.preview");
        browser.click("#fallback-form button[type=submit]");
        browser.waitForText("#fallback-summary", "We are closed");
        assertEquals(media, ok(200, api.get("/v1/numbers/" + GOLD, key)).json().get("fallback").get("media_id").asText());
    }

    private void readTheCallRecordsAndTheAuditLog() {
        browser.click("a[href='#/calls']");
        browser.waitForText("h1", "Call records");
        browser.waitFor("#calls-list");
        browser.waitFor("#voicemails h2");
        browser.click("a[href='#/audit']");
        browser.waitForText("#audit-list", "number.updated");
        assertTrue(browser.text("#audit-list").contains("Moved to the new office"));
    }

    private void signOut() {
        browser.click("#sign-out");
        browser.waitFor("#signin-form");
        assertEquals(401L, browser.fetchStatus("GET", "/v1/session", null, Map.of()));
        browser.open("#/numbers");
        browser.waitFor("#signin-form");
    }
}
