package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * End users and M2M devices over HTTP against a whole server, on H2 and on PostgreSQL: the resources
 * work, stay inside their account, and no identity document number ever comes back out, neither in an
 * answer, nor in the audit log, nor in the server's log.
 */
class EndUserApiTest {
    private static final String PASSPORT = "4508 123456";
    private static final String NEW_PASSPORT = "4510-654321";
    private static final String RESIDENT_ID = "11010519491231002X";
    private static final String BAD_RESIDENT_ID = "110105194912310021";
    private static final String LICENSE = "91350100M000100Y43";
    /** Every document number used here, as typed and as normalised. */
    private static final List<String> SECRETS = List.of(PASSPORT, "4508123456", NEW_PASSPORT, "4510654321", RESIDENT_ID,
            BAD_RESIDENT_ID, LICENSE);

    @TempDir
    Path dataDir;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<String> bodies = new ArrayList<>();
    private RunningServer running;
    private Api api;

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        root.detachAppender(logged);
    }

    private void start(String kind) {
        running = new RunningServer(kind, dataDir);
        api = running.api;
    }

    /** Every answer passes through here, so that the test can prove none of them holds a document number. */
    private Api.Response seen(Api.Response response) {
        bodies.add(response.body());
        return response;
    }

    private String createAccount(String name) {
        Api.Response created = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"" + name + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("api_key").asText();
    }

    private static String person(String document) {
        return """
                {"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Anna Petrova","birth_date":"1990-05-17",
                 "address":"Moscow, Tverskaya 1","contact_phone":"8 (916) 123-45-67","contact_email":"anna@example.com",
                 "document":%s}""".formatted(document);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void endUsersLiveInTheirAccountAndShowDocumentsOnlyMasked(String kind) {
        start(kind);
        String acme = createAccount("Acme");
        String globex = createAccount("Globex");

        Api.Response created = seen(api.post("/v1/end-users", acme, person("{\"type\":\"ru_internal_passport\",\"number\":\"" + PASSPORT
                + "\"}")));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        JsonNode document = created.json().get("document");
        assertEquals("ru_internal_passport", document.get("type").asText());
        assertEquals("******3456", document.get("number_masked").asText());
        assertEquals("valid", document.get("status").asText());
        assertFalse(document.has("number"));
        assertEquals("+79161234567", created.json().get("contact_phone").asText());
        assertEquals("employee", created.json().get("relation").asText());

        Api.Response one = seen(api.get("/v1/end-users/" + id, acme));
        assertEquals(200, one.status(), one.body());
        assertEquals(created.json(), one.json());
        Api.Response list = seen(api.get("/v1/end-users?limit=10", acme));
        assertEquals(1, list.json().get("items").size());
        assertTrue(list.json().get("next_cursor").isNull());

        Api.Response patched = seen(api.patch("/v1/end-users/" + id, acme, "{\"full_name\":\"Anna Sidorova\",\"document\":"
                + "{\"type\":\"ru_internal_passport\",\"number\":\"" + NEW_PASSPORT + "\"}}"));
        assertEquals(200, patched.status(), patched.body());
        assertEquals("Anna Sidorova", patched.json().get("full_name").asText());
        assertEquals("******4321", patched.json().get("document").get("number_masked").asText());

        Api.Response organization = seen(api.post("/v1/end-users", acme, """
                {"kind":"organization","jurisdiction":"CN","full_name":"Shenzhen Widgets Ltd","address":"Shenzhen, Futian",
                 "document":{"type":"cn_business_license","number":"%s"},
                 "agent":{"full_name":"Li Wei","document":{"type":"cn_resident_id_card","number":"%s"}},
                 "authorization_letter":"LOA-2026-17"}""".formatted(LICENSE, RESIDENT_ID)));
        assertEquals(201, organization.status(), organization.body());
        assertEquals("******002X", organization.json().get("agent").get("document").get("number_masked").asText());

        Api.Response badCheckDigit = seen(api.post("/v1/end-users", acme, """
                {"kind":"person","relation":"contractor","jurisdiction":"CN","full_name":"Wang Fang","birth_date":"1949-12-31",
                 "address":"Beijing","contact_phone":"+8613812345678","document":{"type":"cn_resident_id_card","number":"%s"}}"""
                .formatted(BAD_RESIDENT_ID)));
        assertEquals(422, badCheckDigit.status(), badCheckDigit.body());
        assertEquals("document.number", badCheckDigit.json().get("field").asText());
        Api.Response noAgent = seen(api.post("/v1/end-users", acme, """
                {"kind":"organization","jurisdiction":"CN","full_name":"Widgets","address":"Shenzhen",
                 "document":{"type":"cn_business_license","number":"%s"},"authorization_letter":"LOA-1"}""".formatted(LICENSE)));
        assertEquals(422, noAgent.status(), noAgent.body());
        assertEquals("agent", noAgent.json().get("field").asText());

        assertEquals(404, seen(api.get("/v1/end-users/" + id, globex)).status());
        assertEquals(404, seen(api.patch("/v1/end-users/" + id, globex, "{\"full_name\":\"Eve\"}")).status());
        assertEquals(404, seen(api.delete("/v1/end-users/" + id, globex)).status());
        assertEquals(0, seen(api.get("/v1/end-users", globex)).json().get("items").size());

        Api.Response byAccount = seen(api.post("/v1/end-users/" + id + "/document-status", acme, "{\"status\":\"valid\"}"));
        assertEquals(403, byAccount.status(), byAccount.body());
        Api.Response forged = seen(api.post("/v1/end-users/" + id + "/document-status", RunningServer.OPERATOR_KEY,
                "{\"status\":\"forged\",\"reason\":\"registry: passport was never issued\"}"));
        assertEquals(200, forged.status(), forged.body());
        assertEquals("forged", forged.json().get("document").get("status").asText());
        assertEquals("forged", seen(api.get("/v1/end-users/" + id, acme)).json().get("document").get("status").asText());
        assertEquals(404, seen(api.post("/v1/end-users/nobody/document-status", RunningServer.OPERATOR_KEY,
                "{\"status\":\"forged\",\"reason\":\"x\"}")).status());

        Api.Response audit = seen(api.get("/v1/audit-events?resource_type=end_user&resource_id=" + id, acme));
        assertEquals(200, audit.status(), audit.body());
        List<String> actions = StreamSupport.stream(audit.json().get("items").spliterator(), false)
                .map(e -> e.get("action").asText()).toList();
        assertEquals(List.of("end_user.document_status_changed", "end_user.updated", "end_user.created"), actions);
        assertTrue(audit.body().contains("******3456") && audit.body().contains("******4321"), audit.body());

        assertEquals(204, seen(api.delete("/v1/end-users/" + id, acme)).status());
        assertEquals(404, seen(api.get("/v1/end-users/" + id, acme)).status());
        assertEquals("end_user.deleted", seen(api.get("/v1/audit-events?resource_type=end_user&resource_id=" + id, acme))
                .json().get("items").get(0).get("action").asText());

        assertNoDocumentNumberAnywhere();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void m2mDevicesLiveInTheirAccount(String kind) {
        start(kind);
        String acme = createAccount("Acme");
        String globex = createAccount("Globex");
        Api.Response created = api.post("/v1/m2m-devices", acme, """
                {"type":"payment_terminal","model":"Verifone VX520","imei":"49-015420-323751-8",
                 "installation_address":"Moscow, Arbat 10, shop 3"}""");
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("490154203237518", created.json().get("imei").asText());
        assertTrue(created.json().get("serial_number").isNull());
        assertEquals(created.json(), api.get("/v1/m2m-devices/" + id, acme).json());
        assertEquals(1, api.get("/v1/m2m-devices", acme).json().get("items").size());

        Api.Response patched = api.patch("/v1/m2m-devices/" + id, acme, "{\"serial_number\":\"VX-0001\",\"imei\":null}");
        assertEquals(200, patched.status(), patched.body());
        assertEquals("VX-0001", patched.json().get("serial_number").asText());
        assertTrue(patched.json().get("imei").isNull());

        Api.Response badImei = api.post("/v1/m2m-devices", acme, """
                {"type":"modem","model":"E3372","imei":"490154203237519","installation_address":"Moscow"}""");
        assertEquals(422, badImei.status(), badImei.body());
        assertEquals("imei", badImei.json().get("field").asText());
        Api.Response unknownField = api.post("/v1/m2m-devices", acme, """
                {"type":"modem","model":"E3372","imei":"490154203237518","installation_address":"Moscow","colour":"red"}""");
        assertEquals(422, unknownField.status(), unknownField.body());

        assertEquals(404, api.get("/v1/m2m-devices/" + id, globex).status());
        assertEquals(404, api.patch("/v1/m2m-devices/" + id, globex, "{\"model\":\"X\"}").status());
        assertEquals(404, api.delete("/v1/m2m-devices/" + id, globex).status());
        assertEquals(0, api.get("/v1/m2m-devices", globex).json().get("items").size());

        assertEquals(204, api.delete("/v1/m2m-devices/" + id, acme).status());
        assertEquals(404, api.get("/v1/m2m-devices/" + id, acme).status());
        assertEquals(List.of("m2m_device.deleted", "m2m_device.updated", "m2m_device.created"),
                StreamSupport.stream(api.get("/v1/audit-events?resource_type=m2m_device&resource_id=" + id, acme).json()
                        .get("items").spliterator(), false).map(e -> e.get("action").asText()).toList());
    }

    private void assertNoDocumentNumberAnywhere() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logged.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getClassName() + ": " + t.getMessage());
                for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                    lines.add(frame.getSTEAsString());
                }
            }
        }
        assertTrue(lines.stream().anyMatch(line -> line.contains("/v1/end-users")), "the server's log was captured: " + lines);
        for (String secret : SECRETS) {
            for (String body : bodies) {
                assertFalse(body.contains(secret), "an answer shows a document number: " + body);
            }
            for (String line : lines) {
                assertFalse(line.contains(secret), "the log shows a document number: " + line);
            }
        }
    }
}
