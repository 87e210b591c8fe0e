package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Issue 17's rules through the API on a whole server, on H2 and PostgreSQL: the operator's complaint stop, document
 * files on record, the missing Chinese document types, an individual acting through an agent, and the daily expiry
 * re-check on the injected clock.
 */
abstract class ComplianceRulesApiContract extends WholeServerContract {
    static final String RU_PASSPORT = "4508 123456";
    private static final Pattern CODE = Pattern.compile("code (\\d{6})");

    static final String CN_LICENSE = "91350100M000100Y43";
    static final String CN_RESIDENT_ID = "11010519491231002X";
    /** Text inside the test files: it must never reach a log line or an answer other than the download. */
    static final String MARKER = "vpbx-letter-marker-7f3a9c";
    static final byte[] PDF = ("%PDF-1.4\n% " + MARKER + "\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, MARKER.getBytes(StandardCharsets.US_ASCII));

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<String> answers = new ArrayList<>();

    ComplianceRulesApiContract(String kind) {
        super(kind);
    }

    @Override
    String[] flags() {
        return new String[] {"--compliance.max-document-file-size=64k", "--compliance.document-files-required=CN"};
    }

    @BeforeEach
    void listen() {
        logged.start();
        root.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        root.detachAppender(logged);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    Api.Response upload(String key, String endUserId, String query, String type, byte[] content) {
        Api.Response response = api.exactly("POST", "/v1/end-users/" + endUserId + "/files?" + query, key,
                HttpRequest.BodyPublishers.ofByteArray(content), Map.of("Content-Type", type));
        answers.add(response.body());
        return response;
    }

    /** A Chinese organization acting through its agent, with a contact phone for the binding's code. */
    String cnOrganization(String key, String phone) {
        return created(api.post("/v1/end-users", key, String.format("""
                {"kind":"organization","jurisdiction":"CN","full_name":"Shenzhen Widgets Ltd","address":"Shenzhen, Futian",
                 "contact_phone":"%s","document":{"type":"cn_business_license","number":"%s"},
                 "agent":{"full_name":"Li Wei","document":{"type":"cn_resident_id_card","number":"%s","expires_on":"2036-01-15"}},
                 "authorization_letter":"LOA-2026-17"}""", phone, CN_LICENSE, CN_RESIDENT_ID)));
    }

    void papersOnFile(String key, String endUserId, String letterExpiresOn) {
        assertEquals(201, upload(key, endUserId, "purpose=document_scan", "image/png", PNG).status());
        assertEquals(201, upload(key, endUserId, "purpose=agent_document_scan", "image/png", PNG).status());
        Api.Response letter = upload(key, endUserId, "purpose=authorization_letter&expires_on=" + letterExpiresOn, "application/pdf", PDF);
        assertEquals(201, letter.status(), letter.body());
    }

    List<String> logLines() {
        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : logged.list) {
            lines.add(event.getFormattedMessage());
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                lines.add(t.getClassName() + ": " + t.getMessage());
            }
        }
        return lines;
    }

    String account(String name, String email) {
        Api.Response created = api.post("/v1/accounts", op, "{\"name\":\"" + name + "\",\"contact_email\":\"" + email + "\"}");
        assertEquals(201, created.status(), created.body());
        return created.json().get("api_key").asText();
    }

    void importRange(String country, String type, String region, String first, String last) {
        Api.Response imported = api.post("/v1/catalog/ranges", op, String.format(
                "{\"country\":\"%s\",\"type\":\"%s\",\"region\":\"%s\",\"first\":\"%s\",\"last\":\"%s\"}", country, type, region, first, last));
        assertEquals(201, imported.status(), imported.body());
    }

    void buy(String key, String number) {
        Api.Response reserved = api.post("/v1/reservations", key, "{\"numbers\":[\"" + number + "\"]}");
        assertEquals(201, reserved.status(), reserved.body());
        Api.Response bought = api.call("POST", "/v1/numbers", key, "{\"numbers\":[\"" + number + "\"]}",
                Map.of("Idempotency-Key", "buy-" + number));
        assertEquals(201, bought.status(), bought.body());
    }

    String created(Api.Response response) {
        assertEquals(201, response.status(), response.body());
        return response.json().get("id").asText();
    }

    /** Binds {@code number} to the end user and confirms with the code sent to {@code phone}: the number goes active. */
    void bindAndConfirm(String key, String number, String endUserId, String phone) {
        Api.Response bound = api.call("PUT", "/v1/numbers/" + number + "/binding", key,
                "{\"end_user_id\":\"" + endUserId + "\",\"billing\":\"postpaid\"}", Map.of());
        assertEquals(200, bound.status(), bound.body());
        String requestId = bound.json().get("registry_request").get("id").asText();
        Api.Response outbox = api.get("/v1/dev/sms-outbox?to=" + phone.replace("+", "%2B"), op);
        Matcher matcher = CODE.matcher(outbox.body());
        assertTrue(matcher.find(), outbox.body());
        Api.Response confirmed = api.post("/v1/registry-requests/" + requestId + "/confirm", key, "{\"code\":\"" + matcher.group(1) + "\"}");
        assertEquals(200, confirmed.status(), confirmed.body());
    }

    String ruPerson(String key, String phone) {
        return created(api.post("/v1/end-users", key, String.format("""
                {"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Ivan Petrov","birth_date":"1980-05-01",
                 "address":"Moscow, Tverskaya 1","contact_phone":"%s","document":{"type":"ru_internal_passport","number":"%s"}}""",
                phone, RU_PASSPORT)));
    }

    JsonNode number(String key, String number) {
        return api.get("/v1/numbers/" + number, key).json();
    }

    void maintenanceAfter(Duration duration) {
        running.clock.advance(duration);
        running.server.admin().runMaintenance();
    }

    @Test
    void theOperatorStopsANumberOnAComplaintCallsAreRefusedAndOnlyTheOperatorLiftsIt() {
        String acme = account("Acme", "noc@acme.example");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230001");
        bindAndConfirm(acme, "+74951230001", ruPerson(acme, "+79161112233"), "+79161112233");
        String stop = "{\"ground\":\"fraud\",\"reason\":\"callers report a fake bank security service\",\"reference\":\"C-2026-118\"}";
        String path = "/v1/numbers/+74951230001/complaint-stop";

        assertEquals(403, api.post(path, acme, stop).status(), "a tenant cannot stop");
        Api.Response badGround = api.post(path, op, stop.replace("fraud", "spam"));
        assertEquals(422, badGround.status(), badGround.body());
        assertEquals("ground", badGround.json().get("field").asText());
        Api.Response noReference = api.post(path, op, "{\"ground\":\"harassment\",\"reason\":\"night calls\"}");
        assertEquals(422, noReference.status(), noReference.body());
        assertEquals("reference", noReference.json().get("field").asText());

        Api.Response stopped = api.post(path, op, stop);
        assertEquals(200, stopped.status(), stopped.body());
        JsonNode shown = number(acme, "+74951230001");
        assertEquals("C-2026-118", shown.get("complaint_stop").get("reference").asText(), "the number shows it: " + shown);
        assertEquals("fraud", shown.get("complaint_stop").get("ground").asText());
        assertFalse(shown.get("permissions").get("inbound").asBoolean());
        assertFalse(shown.get("permissions").get("outbound").asBoolean());
        assertEquals(409, api.post(path, op, stop).status(), "one stop at a time");

        Api.Response simulated = api.post("/v1/numbers/+74951230001/simulate", acme, "{}");
        assertEquals(200, simulated.status(), simulated.body());
        assertTrue(simulated.body().contains("403 Forbidden (stopped by the operator on a complaint (fraud))"),
                "the SIP answer a call gets: " + simulated.body());

        Api.Response mail = api.get("/v1/dev/email-outbox?to=noc@acme.example", op);
        assertTrue(mail.body().contains("C-2026-118"), "the account is told: " + mail.body());
        Api.Response audit = api.get("/v1/audit-events?action=number.complaint_stopped", acme);
        assertEquals(1, audit.json().get("items").size(), audit.body());

        assertEquals(403, api.post(path + "/lift", acme, "{\"reason\":\"we say so\"}").status(), "a tenant cannot lift it");
        assertEquals(422, api.post(path + "/lift", op, "{}").status(), "lifting needs a reason");
        Api.Response lifted = api.post(path + "/lift", op, "{\"reason\":\"complaint withdrawn by the caller\"}");
        assertEquals(200, lifted.status(), lifted.body());
        JsonNode free = number(acme, "+74951230001");
        assertTrue(free.get("complaint_stop").isNull());
        assertTrue(free.get("permissions").get("outbound").asBoolean());
        Api.Response liftAudit = api.get("/v1/audit-events?action=number.complaint_stop_lifted", acme);
        assertEquals(1, liftAudit.json().get("items").size(), liftAudit.body());
        assertEquals(409, api.post(path + "/lift", op, "{\"reason\":\"again\"}").status());
        assertEquals(404, api.post("/v1/numbers/+74951230009/complaint-stop", op, stop).status(), "a number on the shelf");
    }

    @Test
    void documentFilesAreTypeCheckedSealedAndReadOnlyByTheirAccountAndTheOperator() {
        String acme = account("Acme", "noc@acme.example");
        String globex = account("Globex", "noc@globex.example");
        String org = cnOrganization(acme, "+8613900000001");
        String letter = "purpose=authorization_letter&expires_on=2027-06-30";

        Api.Response text = upload(acme, org, letter, "application/pdf", "just some text".getBytes(StandardCharsets.US_ASCII));
        assertEquals(415, text.status(), text.body());
        assertEquals("file", text.json().get("field").asText());
        Api.Response mislabelled = upload(acme, org, letter, "application/pdf", PNG);
        assertEquals(415, mislabelled.status(), mislabelled.body());
        assertEquals("file", mislabelled.json().get("field").asText());
        byte[] oversized = Arrays.copyOf(PDF, 64 * 1024 + 1);
        Api.Response tooBig = upload(acme, org, letter, "application/pdf", oversized);
        assertEquals(413, tooBig.status(), tooBig.body());
        assertEquals("file", tooBig.json().get("field").asText());
        Api.Response expiredYesterday = upload(acme, org, "purpose=authorization_letter&expires_on=2026-11-22", "application/pdf", PDF);
        assertEquals(422, expiredYesterday.status(), expiredYesterday.body());
        assertEquals("expires_on", expiredYesterday.json().get("field").asText());
        assertTrue(expiredYesterday.json().get("detail").asText().contains("expired on 2026-11-22"), expiredYesterday.body());
        Api.Response undated = upload(acme, org, "purpose=authorization_letter", "application/pdf", PDF);
        assertEquals(422, undated.status(), undated.body());
        assertEquals("expires_on", undated.json().get("field").asText());
        Api.Response unknownPurpose = upload(acme, org, "purpose=selfie", "image/png", PNG);
        assertEquals(422, unknownPurpose.status(), unknownPurpose.body());
        assertEquals("purpose", unknownPurpose.json().get("field").asText());
        assertEquals(404, upload(globex, org, letter, "application/pdf", PDF).status(), "not globex's end user");

        Api.Response stored = upload(acme, org, letter, "application/pdf", PDF);
        assertEquals(201, stored.status(), stored.body());
        assertEquals("application/pdf", stored.json().get("content_type").asText());
        assertEquals(PDF.length, stored.json().get("size_bytes").asInt());
        assertEquals("2027-06-30", stored.json().get("expires_on").asText());
        String url = stored.json().get("url").asText();

        Api.Response listed = api.get("/v1/end-users/" + org + "/files", acme);
        answers.add(listed.body());
        assertEquals(1, listed.json().get("items").size(), listed.body());
        assertEquals(200, api.get("/v1/end-users/" + org + "/files", op).status(), "the operator lists any account's files");
        Api.Response foreignList = api.get("/v1/end-users/" + org + "/files", globex);
        answers.add(foreignList.body());
        assertEquals(404, foreignList.status());

        HttpResponse<byte[]> mine = api.download(url, acme);
        assertEquals(200, mine.statusCode());
        assertTrue(Arrays.equals(PDF, mine.body()), "the account reads its file back");
        assertEquals("application/pdf", mine.headers().firstValue("Content-Type").orElse(""));
        assertEquals("no-store", mine.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(Arrays.equals(PDF, api.download(url, op).body()), "the operator reads it");
        HttpResponse<byte[]> foreign = api.download(url, globex);
        assertEquals(404, foreign.statusCode());
        assertFalse(new String(foreign.body(), StandardCharsets.ISO_8859_1).contains(MARKER), "another account gets nothing of it");

        Api.Response person = api.post("/v1/end-users", acme, """
                {"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Ivan Petrov","birth_date":"1980-05-01",
                 "address":"Moscow","contact_phone":"+79161112233","document":{"type":"ru_internal_passport","number":"4508 123456"}}""");
        Api.Response noAgent = upload(acme, created(person), letter, "application/pdf", PDF);
        assertEquals(422, noAgent.status(), "a letter is for a holder acting through an agent: " + noAgent.body());
        assertEquals("purpose", noAgent.json().get("field").asText());

        Api.Response audit = api.get("/v1/audit-events?resource_type=end_user&resource_id=" + org, acme);
        answers.add(audit.body());
        assertTrue(audit.body().contains("end_user.file_added") && audit.body().contains("end_user.file_read"), audit.body());
        for (String answer : answers) {
            assertFalse(answer.contains(MARKER), "an answer shows the file's content: " + answer);
        }
        List<String> lines = logLines();
        assertTrue(lines.stream().anyMatch(line -> line.contains("/files")), "the server's log was captured: " + lines);
        for (String line : lines) {
            assertFalse(line.contains(MARKER), "the log shows the file's content: " + line);
        }
    }

    @Test
    void whereTheJurisdictionKeepsPapersOnFileABindingWaitsForThem() {
        String acme = account("Acme", "noc@acme.example");
        importRange("CN", "mobile", "138", "+8613800000000", "+8613800000009");
        buy(acme, "+8613800000001");
        String org = cnOrganization(acme, "+8613900000001");
        Api.Response refused = api.call("PUT", "/v1/numbers/+8613800000001/binding", acme,
                "{\"end_user_id\":\"" + org + "\",\"billing\":\"postpaid\"}", Map.of());
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.json().get("detail").asText().contains("authorization_letter"), refused.body());
        papersOnFile(acme, org, "2027-06-30");
        bindAndConfirm(acme, "+8613800000001", org, "+8613900000001");
        assertEquals("active", number(acme, "+8613800000001").get("state").asText());
    }

    @Test
    void theDailyRunRemindsSevenAndOneDayBeforeAnAuthorizationLetterExpiresThenSuspendsOneWay() {
        String acme = account("Acme", "noc@acme.example");
        importRange("CN", "mobile", "138", "+8613800000000", "+8613800000009");
        buy(acme, "+8613800000002");
        String org = cnOrganization(acme, "+8613900000002");
        papersOnFile(acme, org, "2026-12-01");
        bindAndConfirm(acme, "+8613800000002", org, "+8613900000002");
        String reminders = "/v1/audit-events?resource_type=end_user&resource_id=" + org + "&action=end_user.expiry_reminder";

        maintenanceAfter(Duration.ofDays(1));
        JsonNode first = api.get(reminders, acme).json().get("items");
        assertEquals(1, first.size(), "7 days before 2026-12-01: " + first);
        assertTrue(first.toString().contains("authorization_letter") && first.toString().contains("\"7\""), first.toString());
        maintenanceAfter(Duration.ofHours(1));
        maintenanceAfter(Duration.ofDays(1));
        assertEquals(1, api.get(reminders, acme).json().get("items").size(), "each reminder once");
        maintenanceAfter(Duration.ofDays(5));
        assertEquals(2, api.get(reminders, acme).json().get("items").size(), "1 day before");
        assertTrue(api.get("/v1/dev/email-outbox?to=noc@acme.example", op).body().contains("expires in 1 day"));

        maintenanceAfter(Duration.ofDays(1));
        assertEquals("none", number(acme, "+8613800000002").get("suspension").asText(), "valid through its last day");
        maintenanceAfter(Duration.ofDays(1));
        JsonNode suspended = number(acme, "+8613800000002");
        assertEquals("one_way", suspended.get("suspension").asText(), suspended.toString());
        assertTrue(suspended.get("suspension_reason").asText().contains("authorization letter expired on 2026-12-01"), suspended.toString());
        assertFalse(suspended.get("permissions").get("outbound").asBoolean());
        JsonNode holder = api.get("/v1/end-users/" + org, acme).json();
        assertEquals("expired", holder.get("document").get("status").asText());

        Api.Response renewed = upload(acme, org, "purpose=authorization_letter&expires_on=2027-12-01", "application/pdf", PDF);
        assertEquals(201, renewed.status(), renewed.body());
        assertEquals("valid", api.get("/v1/end-users/" + org, acme).json().get("document").get("status").asText());
        assertEquals("none", number(acme, "+8613800000002").get("suspension").asText(), "a renewed letter lifts the suspension");
        maintenanceAfter(Duration.ofDays(1));
        assertEquals("none", number(acme, "+8613800000002").get("suspension").asText(), "and the next run agrees");
    }

    @Test
    void anAgentsExpiredDocumentSuspendsLikeTheHoldersOwn() {
        String acme = account("Acme", "noc@acme.example");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230003");
        String ivan = created(api.post("/v1/end-users", acme, """
                {"kind":"person","relation":"contractor","jurisdiction":"RU","full_name":"Ivan Petrov","birth_date":"1950-05-01",
                 "address":"Moscow","contact_phone":"+79161112233","document":{"type":"ru_internal_passport","number":"4508 123456"},
                 "agent":{"full_name":"Olga Petrova","document":{"type":"ru_foreign_citizen_passport","number":"AB123456",
                 "expires_on":"2026-11-30"}},"authorization_letter":"notarised power of attorney 77 AA 1234567"}"""));
        bindAndConfirm(acme, "+74951230003", ivan, "+79161112233");
        maintenanceAfter(Duration.ofDays(8));
        assertEquals("one_way", number(acme, "+74951230003").get("suspension").asText());
        assertTrue(number(acme, "+74951230003").get("suspension_reason").asText().contains("agent document expired on 2026-11-30"));
        Api.Response renewed = api.patch("/v1/end-users/" + ivan, acme, """
                {"agent":{"full_name":"Olga Petrova","document":{"type":"ru_foreign_citizen_passport","number":"AB123456",
                 "expires_on":"2030-11-30"}}}""");
        assertEquals(200, renewed.status(), renewed.body());
        assertEquals("2030-11-30", renewed.json().get("agent").get("document").get("expires_on").asText());
        assertEquals("none", number(acme, "+74951230003").get("suspension").asText());
    }

    @Test
    void anIndividualMayActThroughAnAgentAndTheMissingChineseOrganizationDocumentsAreAccepted() {
        String acme = account("Acme", "noc@acme.example");
        String person = """
                {"kind":"person","relation":"employee","jurisdiction":"CN","full_name":"Wang Fang","birth_date":"1949-12-31",
                 "address":"Beijing","contact_phone":"+8613812345678","document":{"type":"cn_resident_id_card","number":"%s"},
                 "agent":{"full_name":"Wang Lei","document":{"type":"cn_resident_id_card","number":"%s"}}%s}""";
        Api.Response noLetter = api.post("/v1/end-users", acme, String.format(person, CN_RESIDENT_ID, CN_RESIDENT_ID, ""));
        assertEquals(422, noLetter.status(), noLetter.body());
        assertEquals("authorization_letter", noLetter.json().get("field").asText());
        Api.Response badAgent = api.post("/v1/end-users", acme, String.format(person, CN_RESIDENT_ID, "110105194912310029",
                ",\"authorization_letter\":\"LOA-9\""));
        assertEquals(422, badAgent.status(), badAgent.body());
        assertEquals("agent.document.number", badAgent.json().get("field").asText());
        Api.Response withAgent = api.post("/v1/end-users", acme, String.format(person, CN_RESIDENT_ID, CN_RESIDENT_ID,
                ",\"authorization_letter\":\"LOA-9\""));
        assertEquals(201, withAgent.status(), withAgent.body());
        assertEquals("Wang Lei", withAgent.json().get("agent").get("full_name").asText());
        assertEquals("******002X", withAgent.json().get("agent").get("document").get("number_masked").asText());

        String organization = """
                {"kind":"organization","jurisdiction":"CN","full_name":"%s","address":"Beijing",
                 "document":{"type":"%s","number":"%s"%s},
                 "agent":{"full_name":"Li Wei","document":{"type":"cn_resident_id_card","number":"%s"}},"authorization_letter":"LOA-1"}""";
        Api.Response unit = api.post("/v1/end-users", acme, String.format(organization, "Third Bureau", "cn_unit_introduction_letter",
                "(2026) No. 017", ",\"expires_on\":\"2026-12-31\"", CN_RESIDENT_ID));
        assertEquals(201, unit.status(), unit.body());
        assertEquals("cn_unit_introduction_letter", unit.json().get("document").get("type").asText());
        Api.Response undated = api.post("/v1/end-users", acme, String.format(organization, "Third Bureau", "cn_unit_introduction_letter",
                "(2026) No. 017", "", CN_RESIDENT_ID));
        assertEquals(422, undated.status(), undated.body());
        assertEquals("document.expires_on", undated.json().get("field").asText());
        Api.Response mission = api.post("/v1/end-users", acme, String.format(organization, "Embassy of Ruritania",
                "cn_diplomatic_note", "No. 123/2026", "", CN_RESIDENT_ID));
        assertEquals(201, mission.status(), mission.body());
        assertEquals("******2026", mission.json().get("document").get("number_masked").asText());
    }

    @Test
    void consentIsRecordedWithTheDataTheExportShowsWhatIsHeldAndWithdrawalReleasesTheNumbers() {
        String acme = account("Acme", "noc@acme.example");
        String globex = account("Globex", "noc@globex.example");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230005");
        String person = """
                {"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Ivan Petrov","birth_date":"1980-05-01",
                 "address":"Moscow, Tverskaya 1","contact_phone":"+79161112233",
                 "document":{"type":"ru_internal_passport","number":"4508 123456"},"consent":%s}""";
        Api.Response badChannel = api.post("/v1/end-users", acme, String.format(person, "{\"text_version\":\"pd-2026-03\",\"channel\":\"pigeon\"}"));
        assertEquals(422, badChannel.status(), badChannel.body());
        assertEquals("consent.channel", badChannel.json().get("field").asText());
        assertEquals(0, api.get("/v1/end-users", acme).json().get("items").size(), "no data kept without its consent");
        String ivan = created(api.post("/v1/end-users", acme, String.format(person, "{\"text_version\":\"pd-2026-03\",\"channel\":\"web\"}")));

        JsonNode listed = api.get("/v1/end-users", acme).json().get("items").get(0);
        assertEquals("I*** P*****", listed.get("full_name").asText(), "a list masks the name: " + listed);
        assertTrue(listed.get("address").isNull() && listed.get("birth_date").isNull(), listed.toString());
        assertEquals("Ivan Petrov", api.get("/v1/end-users/" + ivan, acme).json().get("full_name").asText(), "one end user shows it");
        JsonNode consents = api.get("/v1/end-users/" + ivan + "/consents", acme).json().get("items");
        assertEquals(1, consents.size(), consents.toString());
        assertEquals("pd-2026-03", consents.get(0).get("text_version").asText());
        assertEquals("web", consents.get(0).get("channel").asText());
        assertEquals("2026-11-23T10:00:00Z", consents.get(0).get("given_at").asText());

        bindAndConfirm(acme, "+74951230005", ivan, "+79161112233");
        Api.Response export = api.get("/v1/end-users/" + ivan + "/export", acme);
        assertEquals(200, export.status(), export.body());
        assertEquals("Ivan Petrov", export.json().get("end_user").get("full_name").asText());
        assertEquals("Moscow, Tverskaya 1", export.json().get("end_user").get("address").asText());
        assertEquals("******3456", export.json().get("end_user").get("document").get("number_masked").asText());
        assertEquals("+74951230005", export.json().get("numbers").get(0).get("number").asText());
        assertEquals(1, export.json().get("consents").size());
        assertFalse(export.body().contains("4508123456"), "the document number stays sealed");
        assertEquals(404, api.get("/v1/end-users/" + ivan + "/export", globex).status());
        assertEquals(404, api.post("/v1/end-users/" + ivan + "/consents/withdraw", globex, "{}").status());

        Api.Response withdrawn = api.post("/v1/end-users/" + ivan + "/consents/withdraw", acme, "{}");
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertEquals("+74951230005", withdrawn.json().get("released_numbers").get(0).asText());
        JsonNode released = number(acme, "+74951230005");
        assertEquals("blocked_unconfirmed", released.get("state").asText(), "no holder, no calls: " + released);
        assertFalse(released.get("permissions").get("inbound").asBoolean());
        assertEquals(404, api.get("/v1/numbers/+74951230005/binding", acme).status());
        assertFalse(api.get("/v1/end-users/" + ivan + "/consents", acme).json().get("items").get(0).get("withdrawn_at").isNull());
        assertEquals(409, api.post("/v1/end-users/" + ivan + "/consents/withdraw", acme, "{}").status(), "nothing left to withdraw");
        assertEquals(1, api.get("/v1/audit-events?action=end_user.consent_withdrawn", acme).json().get("items").size());

        String never = created(api.post("/v1/end-users", acme, String.format(person.replace("Ivan Petrov", "Pavel Orlov"),
                "{\"text_version\":\"pd-2026-03\",\"channel\":\"paper\"}")));
        assertEquals(201, upload(acme, never, "purpose=document_scan", "image/png", PNG).status());
        assertEquals(204, api.delete("/v1/end-users/" + never, acme).status(), "one who never held a number goes with consent and files");

        String olga = ruPerson(acme, "+79162223344");
        bindAndConfirm(acme, "+74951230005", olga, "+79162223344");
        assertEquals("active", number(acme, "+74951230005").get("state").asText(), "another holder brings the number back");
    }

    @Test
    void documentFilesAreErasedWithThePersonalDataAfterRetention() {
        String acme = account("Acme", "noc@acme.example");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230007");
        String ivan = ruPerson(acme, "+79161112233");
        Api.Response scan = upload(acme, ivan, "purpose=document_scan", "image/jpeg",
                concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, MARKER.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(201, scan.status(), scan.body());
        assertEquals("image/jpeg", scan.json().get("content_type").asText());
        bindAndConfirm(acme, "+74951230007", ivan, "+79161112233");
        assertEquals(200, api.delete("/v1/numbers/+74951230007", acme).status());
        maintenanceAfter(Duration.ofDays(1096));
        assertEquals(0, api.get("/v1/end-users/" + ivan + "/files", acme).json().get("items").size(), "erased with the data");
        assertEquals(404, api.download(scan.json().get("url").asText(), acme).statusCode());
        assertEquals("anonymized", api.get("/v1/end-users/" + ivan, acme).json().get("full_name").asText());
    }

    @Test
    void theOperatorReportsTheRealNameRatePerAccountAndJurisdictionAsJsonAndCsv() {
        String acme = account("Acme", "noc@acme.example");
        importRange("RU", "city", "495", "+74951230000", "+74951230009");
        buy(acme, "+74951230008");
        buy(acme, "+74951230009");
        bindAndConfirm(acme, "+74951230008", ruPerson(acme, "+79161112233"), "+79161112233");
        String olga = created(api.post("/v1/end-users", acme, """
                {"kind":"person","relation":"employee","jurisdiction":"RU","full_name":"Olga Sidorova","birth_date":"1990-02-03",
                 "address":"Kazan","contact_phone":"+79162223344","document":{"type":"ru_internal_passport","number":"9204 654321"}}"""));
        bindAndConfirm(acme, "+74951230009", olga, "+79162223344");
        assertEquals(200, api.post("/v1/end-users/" + olga + "/document-status", op,
                "{\"status\":\"forged\",\"reason\":\"registry: never issued\"}").status());

        assertEquals(403, api.get("/v1/compliance/real-name-rates", acme).status(), "the operator's report");
        Api.Response report = api.get("/v1/compliance/real-name-rates", op);
        assertEquals(200, report.status(), report.body());
        JsonNode row = report.json().get("items").get(0);
        assertEquals("Acme", row.get("account_name").asText());
        assertEquals("RU", row.get("jurisdiction").asText());
        assertEquals(2, row.get("active_numbers").asInt());
        assertEquals(1, row.get("verified_numbers").asInt());
        assertEquals(0.5, row.get("rate").asDouble());
        Api.Response csv = api.get("/v1/compliance/real-name-rates?format=csv", op);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("account_id,account_name,jurisdiction,active_numbers,verified_numbers,rate\r\n"), csv.body());
        assertTrue(csv.body().contains(",\"Acme\",RU,2,1,0.5000\r\n"), csv.body());
        assertEquals(422, api.get("/v1/compliance/real-name-rates?format=xml", op).status());
    }
}
