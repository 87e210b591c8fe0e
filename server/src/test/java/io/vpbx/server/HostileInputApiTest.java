package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The admin API against values meant to reach SIP or the operator's network (issue 10, findings 1, 2 and the domain
 * part of 8): each reproduction is answered 422 problem+json naming the field, over HTTP against a whole server.
 */
class HostileInputApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OP = RunningServer.OPERATOR_KEY;
    private static final String NUMBER = "+79161234567";

    @TempDir
    Path dataDir;
    RunningServer running;
    Api api;
    String acme;

    void start(String... flags) {
        running = new RunningServer("h2", dataDir, flags);
        api = running.api;
        acme = api.post("/v1/accounts", OP, "{\"name\":\"Acme\"}").json().get("api_key").asText();
        // a third-party number makes the account hold a number without buying one
        Api.Response line = api.post("/v1/third-party-numbers", acme, line("acme-line", "sip.operator.example").toString());
        assertEquals(201, line.status(), line.body());
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    private static ObjectNode line(String login, String server) {
        return JSON.createObjectNode().put("number", NUMBER).put("login", login).put("password", "Pa55-w0rd-XYZ")
                .put("server", server);
    }

    private static String externalPbx(String uri) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("forwarding").putObject("target").put("type", "external_pbx").putArray("uris").add(uri);
        return body.toString();
    }

    private static void refused(Api.Response response, String field) {
        assertEquals(422, response.status(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse("").split(";")[0]);
        assertEquals(field, response.json().get("field").asText(), response.body());
    }

    private Api.Response patchNumber(String body) {
        return api.patch("/v1/numbers/" + NUMBER, acme, body);
    }

    private Api.Response patchLine(ObjectNode body) {
        return api.patch("/v1/third-party-numbers/" + NUMBER, acme, body.toString());
    }

    @Nested
    class SipInjection {

        @Test
        void externalPbxUrisThatWouldInjectAreRefused() {
            start();
            for (String uri : new String[] {"sip:127.0.0.1:5099;x=a\r\nX-Injected: yes", "sip:127.0.0.1:5099?Subject=pwn",
                    "sip:127.0.0.1:5099;maddr=10.0.0.1", "sip:127.0.0.1:5099\nX-Injected: yes", "sip:127.0.0.1:5099\u0000",
                    "sip:127.0.0.1:5099;transport=udp\r\n"}) {
                refused(patchNumber(externalPbx(uri)), "forwarding.target.uris[0]");
            }
            refused(api.post("/v1/numbers/bulk", acme, "{\"numbers\":[\"" + NUMBER + "\"],\"set\":"
                    + externalPbx("sip:127.0.0.1:5099?Subject=pwn") + "}"), "set.forwarding.target.uris[0]");
            assertEquals(200, patchNumber(externalPbx("sip:127.0.0.1:5099;transport=udp")).status());
        }

        @Test
        void aThirdPartyLoginThatSpoofsTheFromHostIsRefused() {
            start();
            for (String login : new String[] {"evil@127.0.0.9>;tag=x,<sip:y", "a\r\nX-Injected: yes", "a>b", "a\"b"}) {
                refused(api.post("/v1/third-party-numbers", acme, line(login, "sip.operator.example")
                        .put("number", "+79161234568").toString()), "login");
            }
            refused(patchLine(JSON.createObjectNode().put("server", "sip.operator.example\r\nX-Injected: yes")), "server");
        }
    }

    @Nested
    class PrivateTargets {

        @Test
        void withoutTheOperatorsAllowancePrivateHostsAreRefusedAtSave() {
            start("--security.allowed-private-targets=");
            for (String host : new String[] {"127.0.0.1", "[::1]", "169.254.169.254", "10.0.0.1", "0x7f000001",
                    "255.255.255.255", "localhost", "2130706433", "0177.0.0.1", "127.1", "192.168.1.1", "100.64.0.1",
                    "[fd00:ec2::254]", "[::ffff:127.0.0.1]"}) {
                refused(patchLine(JSON.createObjectNode().put("server", host)), "server");
                refused(patchNumber(externalPbx("sip:" + host + ":5099")), "forwarding.target.uris[0]");
            }
            Api.Response second = api.post("/v1/third-party-numbers", acme, line("acme-2", "localhost").put("number", "+79161234568")
                    .toString());
            refused(second, "server");
            // a public address and a name nobody resolves (checked again when used) pass
            assertEquals(200, patchLine(JSON.createObjectNode().put("server", "193.0.6.139")).status());
            assertEquals(200, patchNumber(externalPbx("sip:pbx1.example.invalid:5060")).status());
        }

        @Test
        void theOperatorsAllowanceOpensItsRangeOnly() {
            start("--security.allowed-private-targets=127.0.0.0/8");
            assertEquals(200, patchLine(JSON.createObjectNode().put("server", "127.0.0.1")).status());
            assertEquals(200, patchNumber(externalPbx("sip:127.0.0.1:5099")).status());
            refused(patchLine(JSON.createObjectNode().put("server", "10.0.0.1")), "server");
            refused(patchNumber(externalPbx("sip:[::1]:5099")), "forwarding.target.uris[0]");
        }
    }

    @Nested
    class FreeText {

        @Test
        void controlCharactersInNamesAndCommentsAreRefusedNamingTheField() {
            start();
            for (String text : new String[] {"night\r\nX-Injected: yes", "night\n", "night\u0000", "\u202Ethgin"}) {
                refused(patchNumber(JSON.createObjectNode().put("comment", text).toString()), "comment");
                refused(patchLine(JSON.createObjectNode().put("comment", text)), "comment");
                refused(api.post("/v1/employees", acme, JSON.createObjectNode().put("name", text).put("extension", "101")
                        .put("sip_username", "anna.acme").put("sip_password", "correct horse battery").toString()), "name");
                refused(api.post("/v1/accounts", OP, JSON.createObjectNode().put("name", text).toString()), "name");
                refused(api.post("/v1/trunks", OP, JSON.createObjectNode().put("name", text).set("source_addresses",
                        JSON.createArrayNode().add("192.0.2.10")).toString()), "name");
            }
            assertEquals(200, patchNumber("{\"comment\":\"night line \u2014 \u043d\u043e\u0447\u044c\"}").status());
        }

        @Test
        void nonAsciiDigitsInAnExternalNumberAreRefused() {
            start();
            for (String number : new String[] {"+\uFF14\uFF14\uFF12\uFF10\uFF17\uFF19\uFF14\uFF16\uFF10\uFF10\uFF10\uFF10",
                    "+4420794\u0666\u0660\u0660\u0660\u0660", "8 \u0669\u0661\u0666 123-45-67"}) {
                ObjectNode body = JSON.createObjectNode();
                body.putObject("forwarding").putObject("target").put("type", "external_number").put("number", number);
                refused(patchNumber(body.toString()), "forwarding.target.number");
            }
            ObjectNode ascii = JSON.createObjectNode();
            ascii.putObject("forwarding").putObject("target").put("type", "external_number").put("number", "+44 20 7946 0000");
            Api.Response saved = patchNumber(ascii.toString());
            assertEquals(200, saved.status(), saved.body());
            assertEquals("+442079460000", saved.json().get("forwarding").get("target").get("number").asText());
        }
    }
}
