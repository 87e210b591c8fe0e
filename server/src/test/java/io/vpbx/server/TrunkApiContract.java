package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Carrier trunks over HTTP against a whole server: the operator's alone, every source address on one trunk
 * only, bad input answered with problem+json naming the field, every change in the audit log. Run on H2 and
 * on PostgreSQL by {@link TrunkApiH2Test} and {@link TrunkApiPostgresTest}.
 */
abstract class TrunkApiContract extends WholeServerContract {
    private static final String CARRIER = """
            {"name":"Carrier A","source_addresses":["192.0.2.10","2001:DB8:0::10"],
             "outbound_uri":"sip:gw.carrier.example:5060;transport=udp"}""";

    String acme;
    String acmeId;

    TrunkApiContract(String kind) {
        super(kind);
    }

    @BeforeEach
    void createAccount() {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"Acme\"}");
        acme = created.json().get("api_key").asText();
        acmeId = created.json().get("id").asText();
    }

    private JsonNode create(String body) {
        Api.Response created = api.post("/v1/trunks", op, body);
        assertEquals(201, created.status(), created.body());
        return created.json();
    }

    @Test
    void operatorCreatesListsChangesAndDeletesATrunk() {
        JsonNode carrier = create(CARRIER);
        String id = carrier.get("id").asText();
        assertEquals("Carrier A", carrier.get("name").asText());
        assertEquals(List.of("192.0.2.10", "2001:db8::10"), texts(carrier.get("source_addresses")), "canonical spellings");
        assertTrue(carrier.get("account_id").isNull(), "a carrier trunk serves every account");
        assertEquals("sip:gw.carrier.example:5060;transport=udp", carrier.get("outbound_uri").asText());
        assertTrue(carrier.get("enabled").asBoolean(), "enabled unless said otherwise");

        JsonNode own = create("{\"name\":\"Acme's PBX\",\"source_addresses\":[\"198.51.100.7\"],\"account_id\":\"" + acmeId
                + "\",\"enabled\":false}");
        assertEquals(acmeId, own.get("account_id").asText());
        assertTrue(own.get("outbound_uri").isNull());

        assertEquals(carrier, api.get("/v1/trunks/" + id, op).json());
        Api.Response first = api.get("/v1/trunks?limit=1", op);
        assertEquals(200, first.status(), first.body());
        assertEquals(1, first.json().get("items").size());
        Api.Response second = api.get("/v1/trunks?limit=1&cursor=" + first.json().get("next_cursor").asText(), op);
        assertEquals(List.of(id, own.get("id").asText()).stream().sorted().toList(),
                List.of(first.json().get("items").get(0).get("id").asText(), second.json().get("items").get(0).get("id").asText()));

        Api.Response patched = api.patch("/v1/trunks/" + id, op,
                "{\"name\":\"Carrier B\",\"source_addresses\":[\"192.0.2.11\"],\"outbound_uri\":null,\"enabled\":false}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Carrier B", patched.json().get("name").asText());
        assertEquals(List.of("192.0.2.11"), texts(patched.json().get("source_addresses")));
        assertTrue(patched.json().get("outbound_uri").isNull());
        assertTrue(!patched.json().get("enabled").asBoolean());
        assertEquals(patched.json(), api.get("/v1/trunks/" + id, op).json());
        create("{\"name\":\"Reuse\",\"source_addresses\":[\"192.0.2.10\"]}");

        assertEquals(204, api.delete("/v1/trunks/" + id, op).status());
        assertEquals(404, api.get("/v1/trunks/" + id, op).status());
        assertEquals(404, api.delete("/v1/trunks/" + id, op).status());
    }

    @Test
    void aSourceAddressBelongsToOneTrunkOnTheWholePlatform() {
        String holder = create(CARRIER).get("id").asText();
        Api.Response taken = api.post("/v1/trunks", op, "{\"name\":\"Other\",\"source_addresses\":[\"192.0.2.99\",\"2001:db8::10\"]}");
        assertEquals(409, taken.status(), taken.body());
        assertEquals("application/problem+json", taken.header("Content-Type"));
        assertTrue(taken.json().get("detail").asText().startsWith("source_addresses"), taken.body());
        assertEquals("trunk " + holder + " (2001:db8::10)", taken.json().get("errors").get(0).asText());

        String other = create("{\"name\":\"Other\",\"source_addresses\":[\"192.0.2.99\"]}").get("id").asText();
        assertEquals(409, api.patch("/v1/trunks/" + other, op, "{\"source_addresses\":[\"192.0.2.99\",\"192.0.2.10\"]}").status());
        assertEquals(200, api.patch("/v1/trunks/" + holder, op, "{\"source_addresses\":[\"2001:db8::10\",\"192.0.2.10\"]}").status(),
                "a trunk's own addresses are no conflict");
    }

    @Test
    void anAccountsKeyIsRefusedEvenForReading() {
        String id = create(CARRIER).get("id").asText();
        assertEquals(403, api.post("/v1/trunks", acme, "{\"name\":\"Mine\",\"source_addresses\":[\"192.0.2.50\"]}").status());
        assertEquals(403, api.get("/v1/trunks", acme).status());
        assertEquals(403, api.get("/v1/trunks/" + id, acme).status());
        assertEquals(403, api.patch("/v1/trunks/" + id, acme, "{\"enabled\":false}").status());
        assertEquals(403, api.delete("/v1/trunks/" + id, acme).status());
        assertEquals(401, api.get("/v1/trunks", null).status());
        assertTrue(api.get("/v1/trunks/" + id, op).json().get("enabled").asBoolean(), "nothing changed");
    }

    @Test
    void badInputIsAnsweredWithProblemJsonNamingTheField() {
        assertField("outbound_uri", api.post("/v1/trunks", op,
                "{\"name\":\"A\",\"source_addresses\":[\"192.0.2.1\"],\"outbound_uri\":\"gw.carrier.example\"}"));
        assertField("outbound_uri", api.post("/v1/trunks", op,
                "{\"name\":\"A\",\"source_addresses\":[\"192.0.2.1\"],\"outbound_uri\":\"sip:+74951230000@gw.carrier.example\"}"));
        assertField("source_addresses[1]", api.post("/v1/trunks", op,
                "{\"name\":\"A\",\"source_addresses\":[\"192.0.2.1\",\"gw.carrier.example\"]}"));
        assertField("source_addresses[1]", api.post("/v1/trunks", op,
                "{\"name\":\"A\",\"source_addresses\":[\"192.0.2.1\",\"192.0.2.01\"]}"));
        assertField("source_addresses", api.post("/v1/trunks", op, "{\"name\":\"A\",\"source_addresses\":[]}"));
        assertField("name", api.post("/v1/trunks", op, "{\"name\":\" \",\"source_addresses\":[\"192.0.2.1\"]}"));
        assertField("account_id", api.post("/v1/trunks", op,
                "{\"name\":\"A\",\"source_addresses\":[\"192.0.2.1\"],\"account_id\":\"no-such-account\"}"));
        assertField("sip_uri", api.post("/v1/trunks", op, "{\"name\":\"A\",\"source_addresses\":[\"192.0.2.1\"],\"sip_uri\":\"x\"}"));
        String id = create(CARRIER).get("id").asText();
        assertField("outbound_uri", api.patch("/v1/trunks/" + id, op, "{\"outbound_uri\":\"sip:\"}"));
        assertField("enabled", api.patch("/v1/trunks/" + id, op, "{\"enabled\":null}"));
        assertEquals(1, api.get("/v1/trunks", op).json().get("items").size(), "nothing refused was stored");
    }

    @Test
    void everyChangeIsInTheOperatorsAuditLogAndNotInAnAccounts() {
        String id = create(CARRIER).get("id").asText();
        api.patch("/v1/trunks/" + id, op, "{\"enabled\":false,\"account_id\":\"" + acmeId + "\"}");
        api.delete("/v1/trunks/" + id, op);

        JsonNode events = api.get("/v1/audit-events?resource_type=trunk&resource_id=" + id, op).json().get("items");
        assertEquals(List.of("trunk.deleted", "trunk.updated", "trunk.created"),
                StreamSupport.stream(events.spliterator(), false).map(e -> e.get("action").asText()).toList());
        JsonNode created = events.get(2);
        assertEquals("operator", created.get("actor").asText().split("/")[0]);
        JsonNode addresses = field(created, "source_addresses");
        assertTrue(addresses.get("before").isNull());
        assertEquals(List.of("192.0.2.10", "2001:db8::10"), texts(addresses.get("after")));
        JsonNode updated = events.get(1);
        assertEquals(List.of("account_id", "enabled"),
                StreamSupport.stream(updated.get("changes").spliterator(), false).map(c -> c.get("field").asText()).sorted().toList());
        assertEquals(false, field(updated, "enabled").get("after").asBoolean());
        assertEquals("sip:gw.carrier.example:5060;transport=udp", field(events.get(0), "outbound_uri").get("before").asText());

        assertEquals(0, api.get("/v1/audit-events?resource_type=trunk", acme).json().get("items").size(),
                "trunks are the platform's: an account does not see them in its audit log");
    }

    private static void assertField(String field, Api.Response response) {
        assertEquals(422, response.status(), response.body());
        assertEquals("application/problem+json", response.header("Content-Type"));
        assertEquals(field, response.json().get("field").asText(), response.body());
    }

    private static JsonNode field(JsonNode event, String name) {
        return StreamSupport.stream(event.get("changes").spliterator(), false)
                .filter(c -> c.get("field").asText().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
