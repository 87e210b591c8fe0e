package io.vpbx.admin.service.compliance;

import io.vpbx.admin.TestBindings;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.identity.DocumentCatalogue;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import io.vpbx.admin.store.jdbc.JdbcEndUserStore;
import io.vpbx.admin.store.jdbc.JdbcM2mDeviceStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The end-user and M2M device services over a fresh H2 database, wired as AdminModule wires them, with
 * fixed document keys, two accounts (acc-1, acc-2), a caller for each and the operator. The document
 * status listener records what it is told.
 */
final class ComplianceTestBed implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    /** What the document status listener was told, as "before->after" statuses. */
    final List<String> statusChanges = new ArrayList<>();
    final RequestContext acme = new RequestContext(Principal.account("acc-1", "key-1"), "192.0.2.1", "req-1");
    final RequestContext globex = new RequestContext(Principal.account("acc-2", "key-2"), "192.0.2.2", "req-2");
    final RequestContext operator = new RequestContext(Principal.operator("op-1"), "192.0.2.9", "req-9");
    final TestDatabases.TestDatabase db = TestDatabases.h2();
    final KeyRing keyRing = KeyRing.parse("t1:" + key(1));
    final JdbcEndUserStore endUserStore = new JdbcEndUserStore(() -> keyRing);
    final JdbcM2mDeviceStore deviceStore = new JdbcM2mDeviceStore();
    final byte[] fingerprintKey = Base64.getDecoder().decode(key(2));
    final EndUserService endUsers;
    final M2mDeviceService devices;

    private final JdbcAuditStore audit = new JdbcAuditStore(JsonMappers.create());

    ComplianceTestBed() {
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        Auditor auditor = new Auditor(audit, clock);
        IdentityDocuments documents = new IdentityDocuments(DocumentCatalogue.bundled(), () -> keyRing, () -> fingerprintKey,
                new SecureRandom());
        DocumentStatusListener listener = (tx, before, after) ->
                statusChanges.add(before.documentStatus().wireName() + "->" + after.documentStatus().wireName());
        endUsers = new EndUserService(database(), endUserStore, new InUseGuard(List.of(endUserStore::bindingsOf)),
                new NumberInputs(new PhoneNumberParser()), documents, listener, (tx, ctx, endUser, consent) -> { }, auditor, clock);
        devices = new M2mDeviceService(database(), deviceStore, new InUseGuard(List.of(deviceStore::bindingsOf)), auditor, clock);
        database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            new JdbcAccountStore().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    Database database() {
        return db.database();
    }

    EndUser stored(String endUserId) {
        return database().inTransaction(tx -> endUserStore.lockInAnyAccount(tx, endUserId)).orElseThrow();
    }

    /** Binds {@code e164} of acc-1 to the holder, as the binding service will. */
    void bind(String e164, String holderType, String holderId) {
        database().inTransaction(tx -> {
            TestBindings.bind(tx, e164, "acc-1", holderType, holderId);
            return null;
        });
    }

    /** Every audit entry of an account, newest first. */
    List<AuditEvent> auditOf(String accountId) {
        return database().inTransaction(tx -> audit.query(tx, new AuditQuery(accountId, null, null, null, null, null, null, null, 100)));
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        db.close();
    }
}
