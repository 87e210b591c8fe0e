package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Changing a contact phone over HTTP against a whole server: both one-time codes are needed, they expire
 * and run out, a second change within 24 hours is flagged, the operator can vouch for a holder who lost
 * the old phone, and the codes show nowhere but in the SMS sent. Run on H2 and on PostgreSQL by
 * {@link ContactPhoneChangeApiH2Test} and {@link ContactPhoneChangeApiPostgresTest}.
 */
abstract class ContactPhoneChangeApiTest extends WholeServerContract {
    private static final String OLD_PHONE = "+79161234567";
    private static final String NEW_PHONE = "+79031112233";
    private static final String THIRD_PHONE = "+79265550011";
    private static final String EMAIL = "owner@acme.example";
    private static final Pattern CODE = Pattern.compile("code (\\d{6})");

    String acme;
    String acmeId;

    ContactPhoneChangeApiTest(String kind) {
        super(kind);
    }

    @BeforeEach
    void createAccount() {
        Api.Response created = api.post("/v1/accounts", op,
                "{\"name\":\"Acme\",\"contact_phone\":\"8 (916) 123-45-67\",\"contact_email\":\"" + EMAIL + "\"}");
        assertEquals(201, created.status(), created.body());
        assertEquals(OLD_PHONE, created.json().get("contact_phone").asText(), "normalised to E.164 at creation");
        acme = created.json().get("api_key").asText();
        acmeId = created.json().get("id").asText();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private Api.Response start(String newPhone) {
        return api.post("/v1/contact-phone-changes", acme, "{\"holder\":\"account\",\"new_phone\":\"" + newPhone + "\"}");
    }

    private String startOk(String newPhone) {
        Api.Response started = start(newPhone);
        assertEquals(201, started.status(), started.body());
        return started.json().get("id").asText();
    }

    private Api.Response confirm(String id, String oldCode, String newCode) {
        StringBuilder body = new StringBuilder("{");
        if (oldCode != null) {
            body.append("\"old_code\":\"").append(oldCode).append('"');
        }
        if (newCode != null) {
            body.append(oldCode != null ? "," : "").append("\"new_code\":\"").append(newCode).append('"');
        }
        return api.post("/v1/contact-phone-changes/" + id + "/confirm", acme, body.append('}').toString());
    }

    /** The newest SMS to {@code phone}, read as a developer does: from the outbox, with the operator key. */
    private String lastSmsTo(String phone) {
        Api.Response outbox = api.get("/v1/dev/sms-outbox?to=" + encoded(phone), op);
        assertEquals(200, outbox.status(), outbox.body());
        assertFalse(outbox.json().get("items").isEmpty(), "an SMS to " + phone);
        return outbox.json().get("items").get(0).get("body").asText();
    }

    /** The code the newest SMS to {@code phone} carries, from the outbox's structured field, as a script reads it. */
    private String codeSentTo(String phone) {
        Api.Response outbox = api.get("/v1/dev/sms-outbox?to=" + encoded(phone), op);
        JsonNode sms = outbox.json().get("items").get(0);
        String code = sms.path("code").asText(null);
        assertTrue(code != null && code.matches("\\d{6}"), "the SMS gives its code as a field: " + sms);
        Matcher inText = CODE.matcher(sms.get("body").asText());
        assertTrue(inText.find() && inText.group(1).equals(code), "the same code as in the text: " + sms);
        return code;
    }

    private String contactPhone() {
        return api.get("/v1/accounts/" + acmeId, acme).json().get("contact_phone").asText();
    }

    private JsonNode history() {
        Api.Response history = api.get("/v1/contact-phone-changes?holder=account", acme);
        assertEquals(200, history.status(), history.body());
        return history.json().get("items");
    }

    private String change(String newPhone) {
        String id = startOk(newPhone);
        String oldPhone = contactPhone();
        Api.Response done = confirm(id, codeSentTo(oldPhone), codeSentTo(newPhone));
        assertEquals(200, done.status(), done.body());
        return id;
    }

    private static void assertInvalid(Api.Response response, String field) {
        assertEquals(422, response.status(), response.body());
        assertEquals(field, response.json().get("field").asText(), response.body());
    }

    @Test
    void bothCodesAreNeededThenThePhoneChangesAndTheOldPhoneAndEmailAreTold() {
        Api.Response started = start("8 903 111-22-33");
        assertEquals(201, started.status(), started.body());
        assertEquals("pending", started.json().get("status").asText());
        assertEquals("2026-11-23T10:05:00Z", started.json().get("expires_at").asText(), "codes live 5 minutes");
        assertFalse(started.json().has("warning"));
        assertEquals("***2233", started.json().get("new_phone").asText());
        String id = started.json().get("id").asText();
        String oldCode = codeSentTo(OLD_PHONE);
        String newCode = codeSentTo(NEW_PHONE);

        assertInvalid(confirm(id, oldCode, null), "new_code");
        assertInvalid(confirm(id, null, newCode), "old_code");
        Api.Response swapped = confirm(id, newCode, oldCode);
        assertInvalid(swapped, "old_code");
        assertTrue(swapped.json().get("detail").asText().contains("4 attempts left"), swapped.body());
        assertEquals(OLD_PHONE, contactPhone(), "nothing changes without both codes");

        Api.Response done = confirm(id, oldCode, newCode);
        assertEquals(200, done.status(), done.body());
        assertEquals("completed", done.json().get("status").asText());
        assertEquals(NEW_PHONE, contactPhone());
        assertEquals(409, confirm(id, oldCode, newCode).status(), "a completed change takes no more codes");

        assertTrue(lastSmsTo(OLD_PHONE).contains("your contact phone was changed to ***2233 at 2026-11-23T10:00:00Z"));
        assertTrue(api.get("/v1/dev/sms-outbox?to=" + encoded(OLD_PHONE), op).json().get("items").get(0).get("code").isNull(),
                "a notice carries no code");
        Api.Response mail = api.get("/v1/dev/email-outbox?to=" + encoded(EMAIL), op);
        assertEquals(200, mail.status(), mail.body());
        assertEquals("Your contact phone was changed", mail.json().get("items").get(0).get("subject").asText());
        assertTrue(mail.json().get("items").get(0).get("body").asText().contains("***2233"));

        JsonNode history = history();
        assertEquals(1, history.size());
        assertEquals("completed", history.get(0).get("status").asText());
        assertEquals("***4567", history.get(0).get("old_phone").asText());
        assertEquals("***2233", history.get(0).get("new_phone").asText());
        assertEquals("2026-11-23T10:00:00Z", history.get(0).get("completed_at").asText());
        assertFalse(history.get(0).get("flagged").asBoolean());

        Api.Response audit = api.get("/v1/audit-events?action=contact_phone.changed", acme);
        assertEquals(200, audit.status(), audit.body());
        JsonNode phone = StreamSupport.stream(audit.json().get("items").get(0).get("changes").spliterator(), false)
                .filter(c -> c.get("field").asText().equals("contact_phone")).findFirst().orElseThrow();
        assertEquals(OLD_PHONE, phone.get("before").asText());
        assertEquals(NEW_PHONE, phone.get("after").asText());
        assertCodesNowhere(List.of(oldCode, newCode));
    }

    @Test
    void codesExpireAfterFiveMinutes() {
        String id = startOk(NEW_PHONE);
        String oldCode = codeSentTo(OLD_PHONE);
        String newCode = codeSentTo(NEW_PHONE);
        assertEquals(409, start(THIRD_PHONE).status(), "one pending change at a time");

        running.clock.advance(Duration.ofMinutes(5));
        Api.Response late = confirm(id, oldCode, newCode);
        assertEquals(409, late.status(), late.body());
        assertTrue(late.json().get("detail").asText().contains("expired"), late.body());
        assertEquals(OLD_PHONE, contactPhone());
        assertEquals("expired", history().get(0).get("status").asText());
        assertEquals(201, start(NEW_PHONE).status(), "an expired change no longer blocks a new one");
    }

    @Test
    void wrongCodesRunOutTheAttemptsAndLockTheChange() {
        String id = startOk(NEW_PHONE);
        String oldCode = codeSentTo(OLD_PHONE);
        String newCode = codeSentTo(NEW_PHONE);
        String wrong = newCode.equals("000000") ? "000001" : "000000";
        for (int left = 4; left >= 1; left--) {
            Api.Response refused = confirm(id, oldCode, wrong);
            assertInvalid(refused, "new_code");
            assertTrue(refused.json().get("detail").asText().contains(left + (left == 1 ? " attempt left" : " attempts left")),
                    refused.body());
        }
        Api.Response last = confirm(id, oldCode, wrong);
        assertInvalid(last, "new_code");
        assertTrue(last.json().get("detail").asText().contains("locked"), last.body());

        Api.Response afterwards = confirm(id, oldCode, newCode);
        assertEquals(409, afterwards.status(), "the right codes are too late once locked: " + afterwards.body());
        assertEquals(OLD_PHONE, contactPhone());
        assertEquals("locked", history().get(0).get("status").asText());
        assertEquals(0, history().get(0).get("attempts_left").asInt());
    }

    @Test
    void secondChangeWithin24HoursWarnsAndIsFlaggedInTheHistory() {
        String first = change(NEW_PHONE);
        running.clock.advance(Duration.ofHours(23));
        Api.Response again = start(THIRD_PHONE);
        assertEquals(201, again.status(), again.body());
        assertEquals("second contact-phone change within 24 hours", again.json().get("warning").asText());
        assertTrue(again.json().get("flagged").asBoolean());
        String second = again.json().get("id").asText();
        assertEquals(200, confirm(second, codeSentTo(NEW_PHONE), codeSentTo(THIRD_PHONE)).status());
        assertTrue(lastSmsTo(NEW_PHONE).contains("second change within 24 hours"), "the old phone is told of the repeat");

        JsonNode history = history();
        assertEquals(List.of(second, first), List.of(history.get(0).get("id").asText(), history.get(1).get("id").asText()),
                "newest first");
        assertTrue(history.get(0).get("flagged").asBoolean());
        assertEquals("second contact-phone change within 24 hours", history.get(0).get("flag_reason").asText());
        assertFalse(history.get(1).get("flagged").asBoolean());

        running.clock.advance(Duration.ofHours(25));
        Api.Response later = start(OLD_PHONE);
        assertEquals(201, later.status(), later.body());
        assertFalse(later.json().has("warning"), "a day later a change is ordinary again");
    }

    @Test
    void operatorVerifiedRecoveryNeedsOnlyTheNewCodeAndIsAudited() {
        String id = startOk(NEW_PHONE);
        String newCode = codeSentTo(NEW_PHONE);
        assertInvalid(confirm(id, null, newCode), "old_code");

        String path = "/v1/contact-phone-changes/" + id + "/operator-verification";
        assertEquals(403, api.post(path, acme, "{\"note\":\"I vouch for myself\"}").status(), "only the operator vouches");
        assertInvalid(api.post(path, op, "{\"note\":\" \"}"), "note");
        Api.Response verified = api.post(path, op, "{\"note\":\"passport checked at the office, ticket 4711\"}");
        assertEquals(200, verified.status(), verified.body());
        assertTrue(verified.json().get("operator_verified").asBoolean());

        Api.Response done = confirm(id, null, newCode);
        assertEquals(200, done.status(), done.body());
        assertEquals(NEW_PHONE, contactPhone());
        assertTrue(lastSmsTo(OLD_PHONE).contains("was changed to ***2233"), "the old phone is told even so");

        Api.Response audit = api.get("/v1/audit-events?action=contact_phone_change.operator_verified&account_id=" + acmeId, op);
        assertEquals(200, audit.status(), audit.body());
        JsonNode entry = audit.json().get("items").get(0);
        assertTrue(entry.get("actor").asText().startsWith("operator/"), entry.toString());
        assertEquals(id, entry.get("resource_id").asText());
        assertTrue(entry.get("changes").toString().contains("passport checked at the office, ticket 4711"));
        Api.Response changed = api.get("/v1/audit-events?action=contact_phone.changed", acme);
        assertTrue(changed.json().get("items").get(0).get("changes").toString().contains("operator/"), changed.body());

        Api.Response byOperator = api.get("/v1/contact-phone-changes?holder=account&account_id=" + acmeId, op);
        assertEquals(200, byOperator.status(), byOperator.body());
        assertTrue(byOperator.json().get("items").get(0).get("operator_verified").asBoolean());
        assertCodesNowhere(List.of(newCode));
    }

    @Test
    void requestsAreCheckedAndTheOutboxIsTheOperatorsAlone() {
        assertInvalid(start("+7 916 123 45 67"), "new_phone");
        assertInvalid(start("12"), "new_phone");
        Api.Response endUser = api.post("/v1/contact-phone-changes", acme, "{\"holder\":\"end_user\",\"new_phone\":\"" + NEW_PHONE + "\"}");
        assertEquals(422, endUser.status(), endUser.body());
        assertTrue(List.of("holder", "end_user_id").contains(endUser.json().get("field").asText()),
                "end users not registered as holders (holder), or registered and the id missing (end_user_id): " + endUser.body());
        assertInvalid(api.post("/v1/contact-phone-changes", acme, "{\"holder\":\"owner\",\"new_phone\":\"" + NEW_PHONE + "\"}"),
                "holder");
        assertEquals(403, api.post("/v1/contact-phone-changes", op, "{\"holder\":\"account\",\"new_phone\":\"" + NEW_PHONE + "\"}")
                .status(), "the operator has no contact phone of its own to change");
        assertInvalid(api.post("/v1/accounts", op, "{\"name\":\"Bad\",\"contact_phone\":\"call me\"}"), "contact_phone");
        assertInvalid(api.post("/v1/accounts", op, "{\"name\":\"Bad\",\"contact_email\":\"nobody\"}"), "contact_email");

        String id = startOk(NEW_PHONE);
        assertEquals(403, api.get("/v1/dev/sms-outbox?to=" + encoded(NEW_PHONE), acme).status());
        Api.Response other = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}");
        String globex = other.json().get("api_key").asText();
        assertEquals(404, api.post("/v1/contact-phone-changes/" + id + "/confirm", globex,
                "{\"old_code\":\"000000\",\"new_code\":\"000000\"}").status(), "another account's change does not exist for it");
        assertEquals(0, api.get("/v1/contact-phone-changes", globex).json().get("items").size());
    }

    @Test
    void theOutboxIsHiddenWhenNotReadable() {
        restart("--contact.sms-outbox-readable=false");
        Api.Response outbox = api.get("/v1/dev/sms-outbox", op);
        assertEquals(404, outbox.status(), outbox.body());
        assertEquals(404, api.get("/v1/dev/email-outbox", op).status());
    }

    /** No answer an account or the operator can read carries a code or anything derived from it. */
    private void assertCodesNowhere(List<String> codes) {
        List<String> bodies = List.of(
                api.get("/v1/contact-phone-changes?holder=account", acme).body(),
                api.get("/v1/contact-phone-changes?holder=account&account_id=" + acmeId, op).body(),
                api.get("/v1/audit-events?limit=200", acme).body(),
                api.get("/v1/audit-events?limit=200", op).body());
        for (String body : bodies) {
            for (String code : codes) {
                assertFalse(body.contains(code), "code " + code + " in " + body);
            }
            assertFalse(body.contains("code_hash"), body);
            assertFalse(body.contains("\"salt\""), body);
        }
        assertNotEquals(0, bodies.get(0).length());
    }
}
