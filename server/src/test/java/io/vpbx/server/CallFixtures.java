package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.server.sipp.Sipp;
import java.util.Map;

/**
 * What the SIPp call tests set up through the admin API before a call: the carrier's numbers and trunk, numbers
 * bought, made active and forwarded for one account, and that account's phones registered with digest.
 */
final class CallFixtures {
    static final String OP = RunningServer.OPERATOR_KEY;
    /** Every employee's SIP password in these tests. */
    static final String PASSWORD = "correct horse battery";

    private final RunningServer running;
    private final Api api;
    private final String account;

    /** {@code account} is the API key of the account that buys and forwards the numbers. */
    CallFixtures(RunningServer running, String account) {
        this.running = running;
        this.api = running.api;
        this.account = account;
    }

    /** +74951230000 to +74951230009 in the catalog, and the trunk "carrier" at 127.0.0.1, where SIPp plays it. */
    void carrier() {
        ok(201, api.post("/v1/catalog/ranges", OP,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}"));
        ok(201, api.post("/v1/trunks", OP, "{\"name\":\"carrier\",\"source_addresses\":[\"127.0.0.1\"]}"));
    }

    /** Registers {@code username}'s phone, played by SIPp; returns the phone's UDP port. */
    int register(String username) {
        int port = Sipp.freeUdpPort();
        Sipp.scenario("register").remote(running.server.sip().udpPort()).localPort(port).service(username)
                .auth(username, PASSWORD).key("expires", "600").run().assertSucceeded();
        return port;
    }

    void forward(String number, String target, int ringSeconds) {
        ok(200, api.patch("/v1/numbers/" + number, account,
                "{\"forwarding\":{\"target\":" + target + ",\"ring_timeout\":" + ringSeconds + "}}"));
    }

    void buy(String number) {
        ok(201, api.post("/v1/reservations", account, "{\"numbers\":[\"" + number + "\"]}"));
        ok(201, api.call("POST", "/v1/numbers", account, "{\"numbers\":[\"" + number + "\"]}",
                Map.of("Idempotency-Key", "buy-" + number)));
    }

    /** Bought, and made active by the operator's self-submission of a verified holder with {@code passport}. */
    void activate(String number, String passport) {
        buy(number);
        ok(201, api.post("/v1/registry-requests/self-submissions", OP, """
                {"number":"%s","end_user":{"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Olga Sidorova",
                 "birth_date":"1990-02-03","address":"Kazan","contact_phone":"+79162223344",
                 "document":{"type":"ru_internal_passport","number":"%s"}}}""".formatted(number, passport)));
        assertTrue(api.get("/v1/numbers/" + number, account).json().get("permissions").get("inbound").asBoolean());
    }

    static Api.Response ok(int status, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        return response;
    }
}
