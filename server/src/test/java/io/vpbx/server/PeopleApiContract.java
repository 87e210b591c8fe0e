package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * People who sign in (issue 14, ADR 0030) over HTTP against a whole server: invitation by e-mail, sign-in with a
 * password and a code sent by SMS, the session cookie with its CSRF token, roles checked on every change, the
 * growing wait after failures, the login journal. Run on H2 and on PostgreSQL.
 */
abstract class PeopleApiContract extends WholeServerContract {
    static final String OWNER = "Olga.Owner@Acme.example";
    static final String OWNER_PHONE = "+79161234567";
    static final String PASSWORD = "correct horse battery";

    String acme;
    String acmeId;
    String ownerId;

    PeopleApiContract(String kind) {
        super(kind);
    }

    @BeforeEach
    void acmeWithAnOwner() {
        JsonNode account = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}").json();
        acme = account.get("api_key").asText();
        acmeId = account.get("id").asText();
        ownerId = invite(op, acmeId, OWNER, "owner", OWNER_PHONE).get("id").asText();
        Api.Response accepted = Console.accept(api, Console.invitationToken(api, OWNER.toLowerCase()), PASSWORD);
        assertEquals(201, accepted.status(), accepted.body());
        assertEquals("active", accepted.json().get("state").asText());
    }

    JsonNode invite(String key, String accountId, String email, String role, String phone) {
        String account = accountId == null ? "" : ",\"account_id\":\"" + accountId + "\"";
        Api.Response invited = api.post("/v1/users", key, "{\"email\":\"" + email + "\",\"name\":\"" + role + " person\",\"role\":\""
                + role + "\",\"contact_phone\":\"" + phone + "\"" + account + "}");
        assertEquals(201, invited.status(), invited.body());
        return invited.json();
    }

    /** A person of Acme with {@code role}, invited by the owner's key, active with {@link #PASSWORD}. */
    Console member(String email, String role, String phone) {
        invite(acme, null, email, role, phone);
        assertEquals(201, Console.accept(api, Console.invitationToken(api, email), PASSWORD).status());
        return new Console(api).signIn(email, PASSWORD, phone);
    }

    @Test
    void anInvitedOwnerSignsInWithTheCodeFromTheirPhoneAndSignsOut() {
        Api.Response started = Console.start(api, "olga.owner@acme.example", PASSWORD);
        assertEquals(200, started.status(), started.body());
        assertEquals("sms", started.json().get("second_factor").asText());
        assertEquals("+7 *** ***-**-67", started.json().get("phone_hint").asText());

        String challenge = started.json().get("challenge_id").asText();
        Api.Response verified = Console.verify(api, challenge, Console.lastCode(api, OWNER_PHONE));
        assertEquals(200, verified.status(), verified.body());
        String setCookie = verified.header("Set-Cookie");
        assertTrue(setCookie.startsWith("vpbx_session="), setCookie);
        String flags = setCookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(flags.contains("; httponly") && flags.contains("samesite=strict") && flags.contains("path=/"), setCookie);
        assertFalse(flags.contains("secure"), "plain HTTP: no Secure flag");
        JsonNode user = verified.json().get("user");
        assertEquals(ownerId, user.get("id").asText());
        assertEquals("olga.owner@acme.example", user.get("email").asText(), "stored lowercased");
        assertEquals("owner", user.get("role").asText());
        assertEquals(acmeId, user.get("account_id").asText());
        assertEquals(401, Console.verify(api, challenge, Console.lastCode(api, OWNER_PHONE)).status(), "a code works once");

        Console owner = new Console(api);
        owner.cookie = setCookie.substring(0, setCookie.indexOf(';'));
        owner.csrf = verified.json().get("csrf_token").asText();
        Api.Response session = owner.get("/v1/session");
        assertEquals(200, session.status(), session.body());
        assertEquals(owner.csrf, session.json().get("csrf_token").asText());
        assertEquals(ownerId, session.json().get("user").get("id").asText());
        assertEquals(200, owner.get("/v1/numbers").status(), "the API takes the session like a key");

        Api.Response signedOut = owner.delete("/v1/session");
        assertEquals(204, signedOut.status(), signedOut.body());
        assertTrue(signedOut.header("Set-Cookie").contains("Max-Age=0"), signedOut.header("Set-Cookie"));
        assertEquals(401, owner.get("/v1/session").status());
        assertEquals(401, owner.get("/v1/numbers").status(), "the session is over on the server, not only in the browser");
        assertEquals(401, api.get("/v1/session", null).status());
    }

    @Test
    void aWrongEmailAndAWrongPasswordAreRefusedAlike() {
        Api.Response noOne = Console.start(api, "nobody@acme.example", PASSWORD);
        Api.Response wrong = Console.start(api, OWNER, "not the password at all");
        assertEquals(401, noOne.status());
        assertEquals(401, wrong.status());
        assertEquals(noOne.json().get("detail"), wrong.json().get("detail"));
        assertEquals(noOne.json().get("type"), wrong.json().get("type"));
        assertEquals(401, Console.verify(api, "00000000-0000-0000-0000-000000000000", "123456").status());
        invite(acme, null, "ivan@acme.example", "viewer", "+79031112206");
        assertEquals(401, Console.start(api, "ivan@acme.example", PASSWORD).status(), "invited, no password yet");
    }

    @Test
    void aChangeWithTheCookieButWithoutTheCsrfTokenIsRefused() {
        Console owner = new Console(api).signIn(OWNER, PASSWORD, OWNER_PHONE);
        String body = "{\"email\":\"eve@acme.example\",\"name\":\"Eve\",\"role\":\"editor\",\"contact_phone\":\"+79031112233\"}";
        Api.Response forged = owner.call("POST", "/v1/users", body, false);
        assertEquals(403, forged.status(), forged.body());
        assertEquals("application/problem+json", forged.header("Content-Type"));
        assertTrue(forged.json().get("detail").asText().contains("X-CSRF-Token"));
        Map<String, String> wrongToken = Map.of("Cookie", owner.cookie, "X-CSRF-Token", "x" + owner.csrf.substring(1));
        assertEquals(403, api.call("POST", "/v1/users", null, body, wrongToken).status());
        assertEquals(200, owner.get("/v1/users").status(), "reading needs no token");
        assertEquals(201, owner.post("/v1/users", body).status(), "with the token the same change passes");
    }

    @Test
    void aViewerChangesNothingAndAnEditorManagesNoPeople() {
        Console viewer = member("vera@acme.example", "viewer", "+79031112201");
        assertEquals(200, viewer.get("/v1/numbers").status());
        assertEquals(200, viewer.get("/v1/employees").status());
        String employee = "{\"name\":\"Ann\",\"extension\":\"101\",\"sip_username\":\"ann\",\"sip_password\":\"secret-password-101\"}";
        Api.Response refused = viewer.post("/v1/employees", employee);
        assertEquals(403, refused.status(), refused.body());
        assertEquals(403, viewer.patch("/v1/numbers/+74951230000", "{\"comment\":\"x\"}").status());
        assertEquals(403, viewer.post("/v1/users", "{\"email\":\"x@acme.example\",\"name\":\"X\",\"role\":\"owner\"}").status());
        assertEquals(403, viewer.delete("/v1/users/" + ownerId).status());

        Console editor = member("ed@acme.example", "editor", "+79031112202");
        assertEquals(201, editor.post("/v1/employees", employee).status(), "an editor changes the telephony");
        assertEquals(403, editor.post("/v1/users", "{\"email\":\"x@acme.example\",\"name\":\"X\",\"role\":\"viewer\"}").status());
        assertEquals(403, editor.post("/v1/api-keys", "{\"name\":\"mine\"}").status());
        assertEquals(403, editor.get("/v1/login-journal").status(), "the journal is for owners and admins");

        Console admin = member("adam@acme.example", "admin", "+79031112203");
        assertEquals(201, admin.post("/v1/users", "{\"email\":\"v2@acme.example\",\"name\":\"V\",\"role\":\"viewer\"}").status());
        assertEquals(403, admin.post("/v1/users", "{\"email\":\"o2@acme.example\",\"name\":\"O\",\"role\":\"owner\"}").status(),
                "only an owner makes owners");
        assertEquals(403, admin.patch("/v1/users/" + ownerId, "{\"role\":\"viewer\"}").status());
    }

    @Test
    void anotherAccountsPersonDoesNotExistAndTheLastOwnerStays() {
        JsonNode globex = api.post("/v1/accounts", op, "{\"name\":\"Globex\"}").json();
        String globexKey = globex.get("api_key").asText();
        assertEquals(404, api.get("/v1/users/" + ownerId, globexKey).status());
        assertEquals(404, api.patch("/v1/users/" + ownerId, globexKey, "{\"name\":\"Mallory\"}").status());
        assertEquals(404, api.delete("/v1/users/" + ownerId, globexKey).status());
        assertEquals(0, api.get("/v1/users", globexKey).json().get("items").size());

        Console owner = new Console(api).signIn(OWNER, PASSWORD, OWNER_PHONE);
        Api.Response demoted = owner.patch("/v1/users/" + ownerId, "{\"role\":\"admin\"}");
        assertEquals(409, demoted.status(), demoted.body());
        assertEquals(409, owner.delete("/v1/users/" + ownerId).status());
        String second = invite(acme, null, "oleg@acme.example", "owner", "+79031112204").get("id").asText();
        assertEquals(409, owner.patch("/v1/users/" + ownerId, "{\"role\":\"admin\"}").status(), "an invited owner does not count yet");
        assertEquals(201, Console.accept(api, Console.invitationToken(api, "oleg@acme.example"), PASSWORD).status());
        Api.Response nowAdmin = owner.patch("/v1/users/" + ownerId, "{\"role\":\"admin\"}");
        assertEquals(200, nowAdmin.status(), nowAdmin.body());
        assertEquals("admin", owner.get("/v1/session").json().get("user").get("role").asText(), "the role holds at once");
        assertEquals(403, owner.patch("/v1/users/" + second, "{\"name\":\"Oleg\"}").status(), "and an admin no longer changes owners");
    }

    @Test
    void changesByAPersonAreAuditedAsThatPerson() {
        Console owner = new Console(api).signIn(OWNER, PASSWORD, OWNER_PHONE);
        String id = owner.post("/v1/users", "{\"email\":\"eve@acme.example\",\"name\":\"Eve\",\"role\":\"editor\"}").json()
                .get("id").asText();
        JsonNode event = api.get("/v1/audit-events?resource_type=user&resource_id=" + id, acme).json().get("items").get(0);
        assertEquals("user.invited", event.get("action").asText());
        assertEquals("account/" + acmeId + "/user/" + ownerId, event.get("actor").asText());
        assertFalse(api.get("/v1/audit-events?limit=100", acme).body().contains(PASSWORD), "no secret in the audit");
    }

    @Test
    void thePasswordPolicyNamesThePasswordAndAnInvitationExpires() {
        invite(acme, null, "pat@acme.example", "viewer", "+79031112205");
        String token = Console.invitationToken(api, "pat@acme.example");
        for (String weak : List.of("short", "pat@acme.example", "password1234")) {
            Api.Response refused = Console.accept(api, token, weak);
            assertEquals(422, refused.status(), refused.body());
            assertEquals("password", refused.json().get("field").asText());
        }
        running.clock.advance(Duration.ofHours(73));
        assertEquals(404, Console.accept(api, token, PASSWORD).status(), "console.invitation-ttl is 72h");
        assertEquals(404, Console.accept(api, "x".repeat(43), PASSWORD).status());

        JsonNode pat = null;
        for (JsonNode person : api.get("/v1/users", acme).json().get("items")) {
            if (person.get("email").asText().equals("pat@acme.example")) {
                pat = person;
            }
        }
        Api.Response again = api.post("/v1/users/" + pat.get("id").asText() + "/invitation", acme, null);
        assertEquals(201, again.status(), again.body());
        String fresh = Console.invitationToken(api, "pat@acme.example");
        assertNotEquals(token, fresh);
        assertEquals(201, Console.accept(api, fresh, PASSWORD).status(), "a new link works");
        assertEquals(409, api.post("/v1/users/" + pat.get("id").asText() + "/invitation", acme, null).status());
    }

    @Test
    void failedSignInsWaitLongerAndLongerAndAreJournaled() {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            statuses.add(Console.start(api, OWNER, "wrong password " + i).status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401), statuses);
        Api.Response locked = Console.start(api, OWNER, PASSWORD);
        assertEquals(429, locked.status(), "even the right password waits");
        assertEquals("1", locked.header("Retry-After"));
        running.clock.advance(Duration.ofSeconds(1));
        assertEquals(401, Console.start(api, OWNER, "wrong again").status());
        Api.Response longer = Console.start(api, OWNER, PASSWORD);
        assertEquals(429, longer.status());
        assertEquals("2", longer.header("Retry-After"), "the wait doubles");
        running.clock.advance(Duration.ofSeconds(2));

        Console owner = new Console(api).signIn(OWNER, PASSWORD, OWNER_PHONE);
        Api.Response journal = owner.get("/v1/login-journal?limit=3");
        assertEquals(200, journal.status(), journal.body());
        List<String> outcomes = new ArrayList<>();
        journal.json().get("items").forEach(line -> outcomes.add(line.get("outcome").asText()));
        assertEquals(List.of("ok", "locked", "bad_password"), outcomes, "newest first");
        JsonNode newest = journal.json().get("items").get(0);
        assertEquals(ownerId, newest.get("user_id").asText());
        assertEquals("127.0.0.1", newest.get("source_ip").asText());
        assertTrue(newest.get("user_agent").asText().contains("Java"), newest.toString());
        String next = journal.json().get("next_cursor").asText();
        assertEquals(3, owner.get("/v1/login-journal?limit=3&cursor=" + next).json().get("items").size(), "paged");
        assertEquals(0, api.get("/v1/login-journal", api.post("/v1/accounts", op, "{\"name\":\"Globex\"}").json().get("api_key")
                .asText()).json().get("items").size(), "another account sees none of it");
    }

    @Test
    void wrongCodesCountAndTheCodeExpires() {
        Api.Response started = Console.start(api, OWNER, PASSWORD);
        String challenge = started.json().get("challenge_id").asText();
        String code = Console.lastCode(api, OWNER_PHONE);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, Console.verify(api, challenge, wrong).status());
        }
        assertEquals(429, Console.verify(api, challenge, code).status(), "five wrong codes make the next try wait");
        running.clock.advance(Duration.ofSeconds(1));
        assertEquals(401, Console.verify(api, challenge, code).status(), "and the challenge is spent");

        running.clock.advance(Duration.ofMinutes(20));
        String fresh = Console.start(api, OWNER, PASSWORD).json().get("challenge_id").asText();
        String freshCode = Console.lastCode(api, OWNER_PHONE);
        running.clock.advance(Duration.ofMinutes(6));
        assertEquals(401, Console.verify(api, fresh, freshCode).status(), "a code lives 5 minutes");
    }

    @Test
    void aSessionEndsWhenIdleAndOnesOwnSessionsAreListedAndRevoked() {
        Console first = new Console(api).signIn(OWNER, PASSWORD, OWNER_PHONE);
        Console second = new Console(api).signIn(OWNER, PASSWORD, OWNER_PHONE);
        assertNotEquals(first.cookie, second.cookie);
        JsonNode listed = first.get("/v1/sessions").json().get("items");
        assertEquals(2, listed.size());
        String secondId = second.get("/v1/session").json().get("session_id").asText();
        assertEquals(204, first.delete("/v1/sessions/" + secondId).status());
        assertEquals(401, second.get("/v1/numbers").status());

        running.clock.advance(Duration.ofMinutes(29));
        assertEquals(200, first.get("/v1/numbers").status());
        running.clock.advance(Duration.ofMinutes(31));
        assertEquals(401, first.get("/v1/numbers").status(), "console.session-idle is 30m");
    }

    @Test
    void aPersonChangesTheirPasswordWithTheOldOne() {
        Console owner = new Console(api).signIn(OWNER, PASSWORD, OWNER_PHONE);
        Api.Response wrongOld = owner.post("/v1/users/me/password", "{\"old_password\":\"nope\",\"password\":\"a brand new passphrase\"}");
        assertEquals(422, wrongOld.status());
        assertEquals("old_password", wrongOld.json().get("field").asText());
        assertEquals(204, owner.post("/v1/users/me/password",
                "{\"old_password\":\"" + PASSWORD + "\",\"password\":\"a brand new passphrase\"}").status());
        assertEquals(401, Console.start(api, OWNER, PASSWORD).status());
        assertEquals(200, Console.start(api, OWNER, "a brand new passphrase").status());
        assertEquals(200, owner.get("/v1/session").status(), "the session that changed it goes on");
    }

    @Test
    void theOperatorInvitesItsOwnStaffWhoActAsTheOperator() {
        invite(op, null, "sam@vpbx.example", "operator", "+79031112299");
        assertEquals(201, Console.accept(api, Console.invitationToken(api, "sam@vpbx.example"), PASSWORD).status());
        Console staff = new Console(api).signIn("sam@vpbx.example", PASSWORD, "+79031112299");
        assertEquals("operator", staff.user.get("role").asText());
        assertTrue(staff.user.get("account_id").isNull());
        assertEquals(200, staff.get("/v1/accounts").status(), "the operator's listing");
        Api.Response created = staff.post("/v1/accounts", "{\"name\":\"Initech\"}");
        assertEquals(201, created.status(), created.body());
        Api.Response wrongRole = api.post("/v1/users", op, "{\"email\":\"z@vpbx.example\",\"name\":\"Z\",\"role\":\"owner\"}");
        assertEquals(422, wrongRole.status());
        assertEquals("role", wrongRole.json().get("field").asText());
    }
}
