package io.vpbx.server;

import static io.vpbx.server.CallFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.Keys;

/**
 * What the console's browser tests set up through the API (an account, its catalog, people invited) and read
 * from the development outboxes as a person would read their mail and SMS: invitation links and sign-in codes.
 */
final class ConsoleFixtures {
    static final String OP = RunningServer.OPERATOR_KEY;
    static final String PASSWORD = "a long and proper passphrase 42";
    /** The sign-in SMS carries its code among words (the outbox's own {@code code} is for contact-phone changes). */
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");
    private static final Pattern INVITATION = Pattern.compile("#/accept/([A-Za-z0-9_\\-.~%]+)");

    private final Api api;

    ConsoleFixtures(Api api) {
        this.api = api;
    }

    /** A new account: its API key and its id. */
    String[] account(String name) {
        JsonNode created = ok(201, api.post("/v1/accounts", OP, "{\"name\":\"" + name + "\"}")).json();
        return new String[] {created.get("api_key").asText(), created.get("id").asText()};
    }

    void catalog(String first, String last) {
        ok(201, api.post("/v1/catalog/ranges", OP,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"" + first + "\",\"last\":\"" + last + "\"}"));
    }

    void buy(String key, String... numbers) {
        String list = "[\"" + String.join("\",\"", numbers) + "\"]";
        ok(201, api.post("/v1/reservations", key, "{\"numbers\":" + list + "}"));
        ok(201, api.call("POST", "/v1/numbers", key, "{\"numbers\":" + list + "}", Map.of("Idempotency-Key", "buy-" + numbers[0])));
    }

    /** Invites a person to the account and returns the token of the link mailed to them. */
    String invite(String key, String email, String name, String role, String phone) {
        ok(201, api.post("/v1/users", key, """
                {"email":"%s","name":"%s","role":"%s","contact_phone":"%s"}""".formatted(email, name, role, phone)));
        JsonNode mail = ok(200, api.get("/v1/dev/email-outbox?to=" + email + "&limit=1", OP)).json().get("items").get(0);
        Matcher link = INVITATION.matcher(mail.get("body").asText());
        assertTrue(link.find(), mail.toString());
        return link.group(1);
    }

    /** Invites and accepts at once, for people whose first steps are not under test. */
    void person(String key, String email, String name, String role, String phone) {
        String token = invite(key, email, name, role, phone);
        ok(201, api.post("/v1/invitations/" + token + "/accept", null, "{\"password\":\"" + PASSWORD + "\"}"));
    }

    /** The newest sign-in code sent to the phone. */
    String code(String phone) {
        JsonNode sms = ok(200, api.get("/v1/dev/sms-outbox?to=" + phone.replace("+", "%2B") + "&limit=1", OP)).json()
                .get("items").get(0);
        Matcher code = CODE.matcher(sms.get("body").asText());
        assertTrue(code.find(), sms.toString());
        return code.group(1);
    }

    /** Signs in through the pages with the keyboard alone: e-mail, Tab, password, Enter, then the code and Enter. */
    void signIn(ConsoleBrowser browser, String email, String phone) {
        browser.open("#/signin");
        browser.waitFor("#signin-form input[name=email]").sendKeys(email, Keys.TAB, PASSWORD, Keys.ENTER);
        browser.waitFor("#code-form input[name=code]").sendKeys(code(phone), Keys.ENTER);
        browser.waitFor("#sign-out");
    }
}
