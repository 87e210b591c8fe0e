package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person at the web console as the server sees them: they accept an invitation read from the development e-mail
 * outbox, sign in with the code read from the SMS outbox, and then call the API with the session cookie and, for
 * changes, the CSRF token. The outboxes are read with the operator key, as a developer does.
 */
final class Console {
    private static final Pattern LINK = Pattern.compile("#/accept/([A-Za-z0-9_-]{43})");
    private static final Pattern CODE = Pattern.compile("code (\\d{6})");

    private final Api api;
    String cookie;
    String csrf;
    JsonNode user;

    Console(Api api) {
        this.api = api;
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** The token of the newest invitation mailed to {@code email}. */
    static String invitationToken(Api api, String email) {
        Api.Response outbox = api.get("/v1/dev/email-outbox?to=" + encoded(email), RunningServer.OPERATOR_KEY);
        assertEquals(200, outbox.status(), outbox.body());
        assertFalse(outbox.json().get("items").isEmpty(), "an invitation mailed to " + email);
        Matcher link = LINK.matcher(outbox.json().get("items").get(0).get("body").asText());
        assertTrue(link.find(), outbox.body());
        return link.group(1);
    }

    /** The newest sign-in code sent by SMS to {@code phone}. */
    static String lastCode(Api api, String phone) {
        Api.Response outbox = api.get("/v1/dev/sms-outbox?to=" + encoded(phone), RunningServer.OPERATOR_KEY);
        assertEquals(200, outbox.status(), outbox.body());
        Matcher code = CODE.matcher(outbox.json().get("items").get(0).get("body").asText());
        assertTrue(code.find(), outbox.body());
        return code.group(1);
    }

    static Api.Response accept(Api api, String token, String password) {
        return api.call("POST", "/v1/invitations/" + token + "/accept", null, "{\"password\":\"" + password + "\"}", Map.of());
    }

    static Api.Response start(Api api, String email, String password) {
        return api.call("POST", "/v1/session", null, "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", Map.of());
    }

    static Api.Response verify(Api api, String challengeId, String code) {
        return api.call("POST", "/v1/session/verify", null, "{\"challenge_id\":\"" + challengeId + "\",\"code\":\"" + code + "\"}",
                Map.of());
    }

    /** Signs in with the password and the code from the SMS outbox; keeps the cookie and the CSRF token. */
    Console signIn(String email, String password, String phone) {
        Api.Response started = start(api, email, password);
        assertEquals(200, started.status(), started.body());
        Api.Response verified = verify(api, started.json().get("challenge_id").asText(), lastCode(api, phone));
        assertEquals(200, verified.status(), verified.body());
        String setCookie = verified.header("Set-Cookie");
        assertNotNull(setCookie, "the session cookie is set");
        cookie = setCookie.substring(0, setCookie.indexOf(';'));
        csrf = verified.json().get("csrf_token").asText();
        user = verified.json().get("user");
        return this;
    }

    /** A request with the session cookie and, when {@code withCsrf}, the CSRF token. */
    Api.Response call(String method, String path, String body, boolean withCsrf) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cookie", cookie);
        if (withCsrf) {
            headers.put("X-CSRF-Token", csrf);
        }
        return api.call(method, path, null, body, headers);
    }

    Api.Response get(String path) {
        return call("GET", path, null, false);
    }

    Api.Response post(String path, String body) {
        return call("POST", path, body, true);
    }

    Api.Response patch(String path, String body) {
        return call("PATCH", path, body, true);
    }

    Api.Response delete(String path) {
        return call("DELETE", path, null, true);
    }
}
