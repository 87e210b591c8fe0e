package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestBindings;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.domain.identity.Jurisdiction;
import io.vpbx.admin.domain.inventory.NumberUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every EndUserStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). */
public interface EndUserStoreContract extends AccountResourceStoreContract<EndUser> {
    EndUserStore endUsers();

    @Override
    default AccountResourceStore<EndUser> resources() {
        return endUsers();
    }

    @Override
    default EndUser resource(String id, String accountId, int n) {
        return person(id, accountId);
    }

    @Override
    default String idOf(EndUser endUser) {
        return endUser.id();
    }

    LocalDate TODAY = LocalDate.parse("2026-11-23");

    static EndUser person(String id, String accountId) {
        return new EndUser(id, accountId, HolderKind.PERSON, EndUser.Relation.EMPLOYEE, Jurisdiction.RU, "Anna Petrova",
                LocalDate.parse("1990-05-17"), "Moscow, Tverskaya 1", "+79161234567", "anna@example.com", "ru_internal_passport",
                "v1:k1:c2VhbGVk", "f".repeat(64), "3456", null, DocumentStatus.VALID, null, null, null, null, null, null, null,
                T0, T0.plusSeconds(5), null, null);
    }

    static EndUser organization(String id, String accountId) {
        return new EndUser(id, accountId, HolderKind.ORGANIZATION, null, Jurisdiction.CN, "Shenzhen Widgets Ltd", null,
                "Shenzhen, Futian", null, null, "cn_business_license", "v1:k1:b3Jn", "a".repeat(64), "0Y43",
                LocalDate.parse("2030-01-31"), DocumentStatus.VALID, null, "Li Wei", "cn_resident_id_card", "v1:k1:YWdlbnQ", "002X",
                LocalDate.parse("2028-06-30"), "LOA-2026-17", T0, T0, null, null);
    }

    private static EndUser withExpiry(EndUser u, LocalDate expiresOn, DocumentStatus status) {
        return new EndUser(u.id(), u.accountId(), u.kind(), u.relation(), u.jurisdiction(), u.fullName(), u.birthDate(), u.address(),
                u.contactPhone(), u.contactEmail(), u.documentType(), u.documentSealed(), u.documentFingerprint(), u.documentLast4(),
                expiresOn, status, status == DocumentStatus.VALID ? null : "checked", u.agentFullName(), u.agentDocumentType(),
                u.agentDocumentSealed(), u.agentDocumentLast4(), u.agentDocumentExpiresOn(), u.authorizationLetter(), u.createdAt(), u.updatedAt(),
                u.lastNumberReleasedAt(), u.anonymizedAt());
    }

    @Test
    default void createdPersonAndOrganizationReadBackWhole() {
        EndUser anna = person("u-1", "acc-1");
        EndUser widgets = organization("u-2", "acc-1");
        create(anna);
        create(widgets);
        assertEquals(Optional.of(anna), find("acc-1", "u-1"));
        assertEquals(Optional.of(widgets), find("acc-1", "u-2"));
        assertEquals(Optional.of(anna), inTx(tx -> endUsers().lock(tx, "acc-1", "u-1")));
    }

    @Test
    default void anotherAccountsEndUserIsFoundByTheOperator() {
        create(person("u-1", "acc-1"));
        assertEquals(Optional.of(person("u-1", "acc-1")), inTx(tx -> endUsers().lockInAnyAccount(tx, "u-1")));
        assertTrue(inTx(tx -> endUsers().lockInAnyAccount(tx, "u-9")).isEmpty());
    }

    @Test
    default void updateRewritesEveryFieldButIdentityAndCreation() {
        create(person("u-1", "acc-1"));
        EndUser changed = new EndUser("u-1", "acc-1", HolderKind.PERSON, EndUser.Relation.CONTRACTOR, Jurisdiction.RU, "Anna Sidorova",
                LocalDate.parse("1991-01-02"), "Kazan", "+79031112233", null, "ru_foreign_passport", "v1:k1:bmV3", "b".repeat(64),
                "7890", LocalDate.parse("2031-02-03"), DocumentStatus.FORGED, "registry: no such passport", null, null, null, null,
                null, null, T0, T0.plusSeconds(60), T0.plusSeconds(30), null);
        inTx(tx -> {
            endUsers().update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), find("acc-1", "u-1"));
        EndUser anonymized = changed.anonymized(T0.plusSeconds(90));
        inTx(tx -> {
            endUsers().update(tx, anonymized);
            return null;
        });
        assertEquals(Optional.of(anonymized), find("acc-1", "u-1"));
    }

    @Test
    default void expiredDocumentsAreTheValidOnesPastTheirDateInEveryAccount() {
        create(withExpiry(person("u-1", "acc-1"), TODAY.minusDays(1), DocumentStatus.VALID));
        create(withExpiry(person("u-2", "acc-2"), TODAY.minusDays(10), DocumentStatus.VALID));
        create(withExpiry(person("u-3", "acc-1"), TODAY, DocumentStatus.VALID));
        create(withExpiry(person("u-4", "acc-1"), TODAY.minusDays(5), DocumentStatus.EXPIRED));
        create(withExpiry(person("u-5", "acc-1"), TODAY.minusDays(5), DocumentStatus.FORGED));
        create(person("u-6", "acc-1"));
        assertEquals(List.of("u-2", "u-1"), inTx(tx -> endUsers().withExpiredDocuments(tx, TODAY, 10)).stream().map(EndUser::id).toList());
        assertEquals(List.of("u-2"), inTx(tx -> endUsers().withExpiredDocuments(tx, TODAY, 1)).stream().map(EndUser::id).toList());
    }

    @Test
    default void dueForErasureAreFormerHoldersPastTheCutoffWithNoNumberLeft() {
        Instant cutoff = T0.plusSeconds(3600);
        create(person("u-1", "acc-1").withLastNumberReleasedAt(T0));
        create(person("u-2", "acc-2").withLastNumberReleasedAt(T0.minusSeconds(60)));
        create(person("u-3", "acc-1").withLastNumberReleasedAt(cutoff));
        create(person("u-4", "acc-1"));
        create(person("u-5", "acc-1").withLastNumberReleasedAt(T0).anonymized(T0.plusSeconds(10)));
        create(person("u-6", "acc-1").withLastNumberReleasedAt(T0));
        inTx(tx -> {
            TestBindings.bind(tx, "+74951230001", "acc-1", "end_user", "u-6");
            TestBindings.bind(tx, "+74951230002", "acc-1", "m2m_device", "u-1");
            return null;
        });
        assertEquals(List.of("u-2", "u-1"), inTx(tx -> endUsers().dueForErasure(tx, cutoff, 10)).stream().map(EndUser::id).toList());
        assertEquals(1, inTx(tx -> endUsers().dueForErasure(tx, cutoff, 1)).size());
    }

    @Test
    default void bindingsOfListTheEndUsersNumbersOnly() {
        create(person("u-1", "acc-1"));
        inTx(tx -> {
            TestBindings.bind(tx, "+74951230002", "acc-1", "end_user", "u-1");
            TestBindings.bind(tx, "+74951230001", "acc-1", "end_user", "u-1");
            TestBindings.bind(tx, "+74951230003", "acc-1", "end_user", "u-2");
            TestBindings.bind(tx, "+74951230004", "acc-1", "m2m_device", "u-1");
            return null;
        });
        assertEquals(List.of(new NumberUser("binding of number", "+74951230001", "acc-1"),
                new NumberUser("binding of number", "+74951230002", "acc-1")), inTx(tx -> endUsers().bindingsOf(tx, "u-1")));
        assertTrue(inTx(tx -> endUsers().bindingsOf(tx, "u-9")).isEmpty());
    }
}
