package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.server.sipp.Sipp;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, finding 1, end to end: an account tries to forward its number to a URI carrying a header of its own;
 * the API refuses it, and the next call (a carrier's SIPp calling in) reaches the external PBX (a UDP socket of
 * the test) with the Request-URI last accepted and without the injected header.
 */
class SipInjectionCallTest {
    private static final String OP = RunningServer.OPERATOR_KEY;
    private static final String DID = "+74951230001";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;
    private RunningServer running;
    private Api api;
    private String acme;

    @BeforeEach
    void start() {
        running = new RunningServer("h2", dataDir);
        api = running.api;
        acme = RegistrationFixtures.account(api);
        ok(201, api.post("/v1/catalog/ranges", OP,
                "{\"country\":\"RU\",\"type\":\"city\",\"region\":\"495\",\"first\":\"+74951230000\",\"last\":\"+74951230009\"}"));
        ok(201, api.post("/v1/trunks", OP, "{\"name\":\"carrier\",\"source_addresses\":[\"127.0.0.1\"]}"));
        ok(201, api.post("/v1/reservations", acme, "{\"numbers\":[\"" + DID + "\"]}"));
        ok(201, api.call("POST", "/v1/numbers", acme, "{\"numbers\":[\"" + DID + "\"]}", Map.of("Idempotency-Key", "buy-1")));
        ok(201, api.post("/v1/registry-requests/self-submissions", OP, """
                {"number":"%s","end_user":{"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Olga Sidorova",
                 "birth_date":"1990-02-03","address":"Kazan","contact_phone":"+79162223344",
                 "document":{"type":"ru_internal_passport","number":"9204 000001"}}}""".formatted(DID)));
    }

    @AfterEach
    void stop() {
        running.close();
    }

    @Test
    void aCallIsNotForwardedWithAnInjectedHeader() throws Exception {
        try (DatagramSocket pbx = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            pbx.setSoTimeout(15_000);
            String clean = "sip:pbx@127.0.0.1:" + pbx.getLocalPort();
            ok(200, api.patch("/v1/numbers/" + DID, acme, forwarding(clean)));
            for (String injected : List.of(clean + ";x=a\r\nX-Injected: yes", clean + "?X-Injected=yes",
                    clean + "\nX-Injected: yes", clean + ";maddr=127.0.0.2")) {
                Api.Response refused = api.patch("/v1/numbers/" + DID, acme, forwarding(injected));
                assertEquals(422, refused.status(), refused.body());
                assertEquals("forwarding.target.uris[0]", refused.json().get("field").asText());
            }

            try (Sipp.Background carrier = Sipp.scenario("call").remote(running.server.sip().udpPort()).service(DID)
                    .recvTimeout(Duration.ofSeconds(15)).timeout(Duration.ofSeconds(20)).start()) {
                DatagramPacket packet = new DatagramPacket(new byte[65_535], 65_535);
                pbx.receive(packet);
                String invite = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
                assertTrue(invite.startsWith("INVITE " + clean + " SIP/2.0\r\n"), invite);
                assertTrue(invite.lines().noneMatch(line -> line.regionMatches(true, 0, "X-Injected", 0, 10)), invite);
            }
        }
    }

    private static String forwarding(String uri) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode target = body.putObject("forwarding").putObject("target").put("type", "external_pbx");
        target.putArray("uris").add(uri);
        return body.toString();
    }

    private static Api.Response ok(int status, Api.Response response) {
        assertEquals(status, response.status(), response.body());
        return response;
    }
}
