package io.vpbx.admin.service.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.Patch;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** EndUserService over a real H2 database: field and document rules, sealing, tenancy, status verdicts, guards, audit. */
class EndUserServiceTest {
    private static final String PASSPORT = "4508 123456";
    private static final String RESIDENT_ID = "11010519491231002X";
    private static final String LICENSE = "91350100M000100Y43";

    private final ComplianceTestBed bed = new ComplianceTestBed();

    @AfterEach
    void close() {
        bed.close();
    }

    private static EndUserService.Draft person(EndUserService.Document document) {
        return new EndUserService.Draft("person", "employee", "RU", "Anna Petrova", LocalDate.parse("1990-05-17"),
                "Moscow, Tverskaya 1", "8 (916) 123-45-67", "anna@example.com", document, null, null);
    }

    private static EndUserService.Draft anna() {
        return person(new EndUserService.Document("ru_internal_passport", PASSPORT, null));
    }

    private static EndUserService.Draft widgets(EndUserService.Agent agent) {
        return new EndUserService.Draft("organization", null, "CN", "Shenzhen Widgets Ltd", null, "Shenzhen, Futian", null,
                "ops@widgets.example", new EndUserService.Document("cn_business_license", LICENSE, null), agent, "LOA-2026-17");
    }

    private static EndUserService.Agent liWei() {
        return new EndUserService.Agent("Li Wei", new EndUserService.Document("cn_resident_id_card", RESIDENT_ID, null));
    }

    private static Patch<EndUserService.Draft> patch(EndUserService.Draft values, String... fields) {
        return new Patch<>(Set.of(fields), values);
    }

    private static EndUserService.Draft only(EndUserService.Document document) {
        return new EndUserService.Draft(null, null, null, null, null, null, null, null, document, null, null);
    }

    private static String field(Executable call) {
        InvalidFieldException e = assertThrows(InvalidFieldException.class, call);
        return e.field();
    }

    @Test
    void createKeepsTheDocumentOnlySealedFingerprintedAndMasked() {
        EndUser created = bed.endUsers.create(bed.acme, anna());
        assertEquals(HolderKind.PERSON, created.kind());
        assertEquals(EndUser.Relation.EMPLOYEE, created.relation());
        assertEquals("+79161234567", created.contactPhone());
        assertEquals("ru_internal_passport", created.documentType());
        assertEquals("3456", created.documentLast4());
        assertEquals(DocumentStatus.VALID, created.documentStatus());
        assertFalse(created.documentSealed().contains("4508123456"));
        assertEquals("4508123456", new DocumentCipher(bed.keyRing, new SecureRandom()).open(created.documentSealed()));
        assertEquals(64, created.documentFingerprint().length());
        assertFalse(created.toString().contains("4508123456"));
        assertEquals(created, bed.endUsers.get(bed.acme, created.id()));
    }

    @Test
    void theAuditShowsTheDocumentMaskedAndPersonalDataOnlyAsChanged() {
        EndUser created = bed.endUsers.create(bed.acme, anna());
        AuditEvent event = bed.auditOf("acc-1").get(0);
        assertEquals("end_user.created", event.action());
        Map<String, FieldChange> changes = event.changes().stream().collect(Collectors.toMap(FieldChange::field, Function.identity()));
        assertEquals("******3456", changes.get("document.number").after().asText());
        assertEquals(EndUserAudit.PERSONAL_DATA_CHANGED, changes.get("full_name").after().asText());
        assertEquals("valid", changes.get("document.status").after().asText());
        String everything = event.changes().toString();
        assertFalse(everything.contains("4508123456") || everything.contains("123456"), everything);
        assertFalse(everything.contains("Anna") || everything.contains("Tverskaya"), everything);
        assertEquals(created.id(), event.resourceId());
    }

    @Test
    void organizationsNeedABusinessDocumentAnAgentAndALetterAndOnlyInChina() {
        EndUser created = bed.endUsers.create(bed.acme, widgets(liWei()));
        assertEquals("cn_business_license", created.documentType());
        assertEquals("Li Wei", created.agentFullName());
        assertEquals("002X", created.agentDocumentLast4());
        assertEquals("0Y43", created.documentLast4());
        assertEquals("agent", field(() -> bed.endUsers.create(bed.acme, widgets(null))));
        EndUserService.Draft ru = new EndUserService.Draft("organization", null, "RU", "OOO Romashka", null, "Moscow", null, null,
                new EndUserService.Document("ru_internal_passport", PASSPORT, null), liWei(), "LOA-1");
        assertEquals("kind", field(() -> bed.endUsers.create(bed.acme, ru)));
        EndUserService.Draft noLetter = new EndUserService.Draft("organization", null, "CN", "Widgets", null, "Shenzhen", null, null,
                new EndUserService.Document("cn_business_license", LICENSE, null), liWei(), null);
        assertEquals("authorization_letter", field(() -> bed.endUsers.create(bed.acme, noLetter)));
        EndUserService.Agent agentWithLicense = new EndUserService.Agent("Li Wei",
                new EndUserService.Document("cn_business_license", LICENSE, null));
        assertEquals("agent.document.type", field(() -> bed.endUsers.create(bed.acme, widgets(agentWithLicense))));
    }

    @Test
    void documentRulesNameTheBrokenPartWithoutQuotingTheNumber() {
        EndUserService.Draft badCheckDigit = new EndUserService.Draft("person", "contractor", "CN", "Wang Fang",
                LocalDate.parse("1949-12-31"), "Beijing", "+8613812345678", null,
                new EndUserService.Document("cn_resident_id_card", "110105194912310021", null), null, null);
        InvalidFieldException checkDigit = assertThrows(InvalidFieldException.class, () -> bed.endUsers.create(bed.acme, badCheckDigit));
        assertEquals("document.number", checkDigit.field());
        assertFalse(checkDigit.getMessage().contains("110105194912310021"), checkDigit.getMessage());

        EndUserService.Draft expired = person(new EndUserService.Document("ru_foreign_passport", "75 1234567",
                LocalDate.parse("2026-11-22")));
        assertEquals("document.expires_on", field(() -> bed.endUsers.create(bed.acme, expired)));
        assertEquals("document.type", field(() -> bed.endUsers.create(bed.acme,
                person(new EndUserService.Document("cn_business_license", LICENSE, null)))), "a person needs a person's document");
        assertEquals("document.type", field(() -> bed.endUsers.create(bed.acme,
                person(new EndUserService.Document("cn_resident_id_card", RESIDENT_ID, null)))), "the jurisdiction's types only");
        assertEquals("document", field(() -> bed.endUsers.create(bed.acme, person(null))));
        assertTrue(bed.endUsers.list(bed.acme, null, 10).isEmpty());
    }

    @Test
    void personsNeedARelationAnAgeOfFourteenAndAPhone() {
        Function<LocalDate, EndUserService.Draft> born = date -> new EndUserService.Draft("person", "employee", "RU", "Pavel",
                date, "Moscow", "+79161234567", null, new EndUserService.Document("ru_internal_passport", PASSPORT, null), null, null);
        assertEquals("birth_date", field(() -> bed.endUsers.create(bed.acme, born.apply(LocalDate.parse("2012-11-24")))));
        assertEquals("birth_date", field(() -> bed.endUsers.create(bed.acme, born.apply(LocalDate.parse("2027-01-01")))));
        assertEquals("birth_date", field(() -> bed.endUsers.create(bed.acme, born.apply(null))));
        bed.endUsers.create(bed.acme, born.apply(LocalDate.parse("2012-11-23")));
        EndUserService.Draft noRelation = new EndUserService.Draft("person", "friend", "RU", "Pavel", LocalDate.parse("1990-01-01"),
                "Moscow", "+79161234567", null, new EndUserService.Document("ru_internal_passport", PASSPORT, null), null, null);
        assertEquals("relation", field(() -> bed.endUsers.create(bed.acme, noRelation)));
        EndUserService.Draft badPhone = new EndUserService.Draft("person", "employee", "RU", "Pavel", LocalDate.parse("1990-01-01"),
                "Moscow", "12345", null, new EndUserService.Document("ru_internal_passport", PASSPORT, null), null, null);
        assertEquals("contact_phone", field(() -> bed.endUsers.create(bed.acme, badPhone)));
        EndUserService.Draft agentForPerson = new EndUserService.Draft("person", "employee", "RU", "Pavel",
                LocalDate.parse("1990-01-01"), "Moscow", "+79161234567", null,
                new EndUserService.Document("ru_internal_passport", PASSPORT, null), liWei(), null);
        assertEquals("authorization_letter", field(() -> bed.endUsers.create(bed.acme, agentForPerson)),
                "a person may act through an agent, with the letter that authorizes them");
        assertEquals("jurisdiction", field(() -> bed.endUsers.create(bed.acme, new EndUserService.Draft("person", "employee", "US",
                "Pavel", null, null, null, null, null, null, null))));
    }

    @Test
    void anotherAccountsEndUserIsNotFound() {
        EndUser created = bed.endUsers.create(bed.acme, anna());
        assertThrows(NotFoundException.class, () -> bed.endUsers.get(bed.globex, created.id()));
        assertThrows(NotFoundException.class, () -> bed.endUsers.update(bed.globex, created.id(),
                patch(new EndUserService.Draft(null, null, null, "Eve", null, null, null, null, null, null, null), "full_name")));
        assertThrows(NotFoundException.class, () -> bed.endUsers.delete(bed.globex, created.id()));
        assertTrue(bed.endUsers.list(bed.globex, null, 10).isEmpty());
        assertEquals(List.of(created), bed.endUsers.list(bed.acme, null, 10));
    }

    @Test
    void patchChangesTheNamedFieldsAndRefusesWhatIsFixed() {
        EndUser created = bed.endUsers.create(bed.acme, anna());
        EndUser renamed = bed.endUsers.update(bed.acme, created.id(), patch(new EndUserService.Draft(null, "contractor", null,
                "Anna Sidorova", null, null, null, null, null, null, null), "relation", "full_name", "contact_email"));
        assertEquals("Anna Sidorova", renamed.fullName());
        assertEquals(EndUser.Relation.CONTRACTOR, renamed.relation());
        assertNull(renamed.contactEmail());
        assertEquals(created.documentSealed(), renamed.documentSealed());
        assertEquals(renamed, bed.endUsers.get(bed.acme, created.id()));
        assertEquals("kind", field(() -> bed.endUsers.update(bed.acme, created.id(), patch(new EndUserService.Draft("organization",
                null, null, null, null, null, null, null, null, null, null), "kind"))));
        assertEquals("contact_phone", field(() -> bed.endUsers.update(bed.acme, created.id(), patch(new EndUserService.Draft(null,
                null, null, null, null, null, "+79031112233", null, null, null, null), "contact_phone"))),
                "a phone changes only through one-time codes");
        assertEquals("full_name", field(() -> bed.endUsers.update(bed.acme, created.id(), patch(new EndUserService.Draft(null,
                null, null, null, null, null, null, null, null, null, null), "full_name"))));
        assertEquals("body", field(() -> bed.endUsers.update(bed.acme, created.id(), patch(anna()))));
    }

    @Test
    void aNewDocumentMakesTheStatusValidAndTellsTheListener() {
        EndUser created = bed.endUsers.create(bed.acme, anna());
        bed.endUsers.setDocumentStatus(bed.operator, created.id(), new EndUserService.StatusChange("forged", "registry: not issued"));
        assertEquals(List.of("valid->forged"), bed.statusChanges);

        EndUser same = bed.endUsers.update(bed.acme, created.id(), patch(only(
                new EndUserService.Document("ru_internal_passport", "4508-123456", null)), "document"));
        assertEquals(DocumentStatus.FORGED, same.documentStatus(), "sending the same document again does not clear a verdict");
        assertEquals(List.of("valid->forged"), bed.statusChanges);

        EndUser replaced = bed.endUsers.update(bed.acme, created.id(), patch(only(
                new EndUserService.Document("ru_internal_passport", "4510 654321", null)), "document"));
        assertEquals(DocumentStatus.VALID, replaced.documentStatus());
        assertNull(replaced.documentStatusReason());
        assertEquals("4321", replaced.documentLast4());
        assertNotEquals(created.documentFingerprint(), replaced.documentFingerprint());
        assertEquals(List.of("valid->forged", "forged->valid"), bed.statusChanges);
        AuditEvent update = bed.auditOf("acc-1").get(0);
        assertEquals("end_user.updated", update.action());
        assertFalse(update.changes().toString().contains("654321"), update.changes().toString());
        assertTrue(update.changes().toString().contains("******4321"), update.changes().toString());

        assertEquals("document.number", field(() -> bed.endUsers.update(bed.acme, created.id(), patch(only(
                new EndUserService.Document("ru_internal_passport", "45", null)), "document"))));
    }

    @Test
    void anExpiredDocumentRenewedWithANewDateIsValidAgain() {
        EndUser created = bed.endUsers.create(bed.acme, person(new EndUserService.Document("ru_foreign_passport", "751234567",
                LocalDate.parse("2027-01-01"))));
        bed.endUsers.setDocumentStatus(bed.operator, created.id(), new EndUserService.StatusChange("expired", "expired 2027-01-01"));
        EndUser renewed = bed.endUsers.update(bed.acme, created.id(), patch(only(new EndUserService.Document("ru_foreign_passport",
                "751234567", LocalDate.parse("2031-01-01"))), "document"));
        assertEquals(DocumentStatus.VALID, renewed.documentStatus());
        assertEquals(LocalDate.parse("2031-01-01"), renewed.documentExpiresOn());
        assertEquals(created.documentSealed(), renewed.documentSealed(), "the same number keeps its sealed form");
        assertEquals(List.of("valid->expired", "expired->valid"), bed.statusChanges);
    }

    @Test
    void onlyTheOperatorSetsTheDocumentStatusInAnyAccount() {
        EndUser created = bed.endUsers.create(bed.globex, anna());
        assertThrows(ForbiddenException.class, () -> bed.endUsers.setDocumentStatus(bed.globex, created.id(),
                new EndUserService.StatusChange("valid", null)));
        assertEquals("reason", field(() -> bed.endUsers.setDocumentStatus(bed.operator, created.id(),
                new EndUserService.StatusChange("unverifiable", " "))));
        assertEquals("status", field(() -> bed.endUsers.setDocumentStatus(bed.operator, created.id(),
                new EndUserService.StatusChange("lost", "x"))));
        assertThrows(NotFoundException.class, () -> bed.endUsers.setDocumentStatus(bed.operator, "nobody",
                new EndUserService.StatusChange("forged", "x")));
        EndUser marked = bed.endUsers.setDocumentStatus(bed.operator, created.id(),
                new EndUserService.StatusChange("unverifiable", "registry did not answer"));
        assertEquals(DocumentStatus.UNVERIFIABLE, marked.documentStatus());
        assertEquals("registry did not answer", marked.documentStatusReason());
        assertEquals(marked, bed.stored(created.id()));
        bed.endUsers.setDocumentStatus(bed.operator, created.id(), new EndUserService.StatusChange("unverifiable", "still no answer"));
        assertEquals(List.of("valid->unverifiable"), bed.statusChanges, "a new reason alone is no status change");
        AuditEvent event = bed.auditOf("acc-2").get(0);
        assertEquals("end_user.document_status_changed", event.action());
        assertTrue(event.actor().startsWith("operator/"), event.actor());
        assertTrue(bed.auditOf("acc-1").isEmpty());
    }

    @Test
    void deleteIsRefusedWhileANumberIsBoundAndAfterOneWas() {
        EndUser bound = bed.endUsers.create(bed.acme, anna());
        bed.bind("+74951230001", "end_user", bound.id());
        ConflictException inUse = assertThrows(ConflictException.class, () -> bed.endUsers.delete(bed.acme, bound.id()));
        assertEquals(List.of("binding of number +74951230001"), inUse.blockers());

        EndUser former = bed.endUsers.create(bed.acme, anna());
        EndUser released = bed.stored(former.id()).withLastNumberReleasedAt(ComplianceTestBed.T0);
        bed.database().inTransaction(tx -> {
            bed.endUserStore.update(tx, released);
            return null;
        });
        assertThrows(ConflictException.class, () -> bed.endUsers.delete(bed.acme, former.id()));

        EndUser unused = bed.endUsers.create(bed.acme, anna());
        bed.endUsers.delete(bed.acme, unused.id());
        assertThrows(NotFoundException.class, () -> bed.endUsers.get(bed.acme, unused.id()));
        assertEquals("end_user.deleted", bed.auditOf("acc-1").get(0).action());
    }
}
