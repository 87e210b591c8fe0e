package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Accounts and employees made through the admin API, for the registration tests. */
final class RegistrationFixtures {
    /** SIPp knows only MD5 digests and answers the first challenge, so SIPp tests run the registrar with MD5 alone. */
    static final String MD5_ONLY = "--registrar.digest-algorithms=MD5";

    private RegistrationFixtures() {
    }

    /** A new account's API key. */
    static String account(Api api) {
        Api.Response created = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("api_key").asText();
    }

    /** A new employee's id. */
    static String employee(Api api, String key, String extension, String username, String password) {
        Api.Response created = api.post("/v1/employees", key, """
                {"name":"%s","extension":"%s","sip_username":"%s","sip_password":"%s"}"""
                .formatted(username, extension, username, password));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }
}
