package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.PriceTables;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.category.CategoryClassifier;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.thirdparty.LineTransport;
import io.vpbx.admin.domain.thirdparty.RegistrationHistoryEntry;
import io.vpbx.admin.domain.thirdparty.RegistrationReport;
import io.vpbx.admin.domain.thirdparty.RegistrationStatus;
import io.vpbx.admin.domain.thirdparty.ThirdPartyNumber;
import io.vpbx.admin.service.catalog.CatalogEntryFactory;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.service.contacts.OutboxEmailGateway;
import io.vpbx.admin.service.events.NewEvent;
import io.vpbx.admin.service.thirdparty.RegistrationFailureNotice;
import io.vpbx.admin.service.thirdparty.RegistrationReports;
import io.vpbx.admin.service.compliance.Resealer;
import io.vpbx.admin.store.ThirdPartyNumberStore.SealedLine;
import io.vpbx.telephony.uplink.RegistrationState;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What the third-party line and registration status stores must do, and the registration reports written
 * through them: one status row per line, history only for transitions. Run against H2 and PostgreSQL.
 */
public interface ThirdPartyStoreContract extends StoreContract {
    NumberStore numbers();

    /** The development outbox, where the registration failure notices go in these tests. */
    OutboxStore outbox();

    RegistrationStatusStore registrationStatuses();

    ThirdPartyNumberStore thirdPartyLines();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    String A = "+74951234567";
    String B = "+74951234568";
    String C = "+79161234567";

    @Override
    default void seed() {
        PhoneNumberParser parser = new PhoneNumberParser();
        CatalogEntryFactory entries = new CatalogEntryFactory(CategoryClassifier.bundled(), PriceTables.load(Optional.empty()));
        inTx(tx -> {
            AccountStore accounts = accounts();
            accounts.create(tx, new Account("acc-1", "Acme", T0));
            accounts.create(tx, new Account("acc-2", "Other", T0));
            numbers().importEntries(tx, List.of(A, B, C).stream().map(n -> entries.entry(parser.parse(n))).toList(), T0);
            return null;
        });
    }

    private RegistrationReports reports() {
        return new RegistrationReports(transactions(), thirdPartyLines(), registrationStatuses());
    }

    private static ThirdPartyNumber line(String e164, String accountId) {
        return new ThirdPartyNumber(e164, accountId, "user-" + e164.substring(1), "sip.operator.example", 5060, LineTransport.UDP,
                3600, null, true, T0, T0);
    }

    private void create(ThirdPartyNumber line, String sealed) {
        inTx(tx -> {
            thirdPartyLines().create(tx, line, sealed);
            return null;
        });
    }

    private static RegistrationReport report(String e164, String state, int secondsAfterT0, Integer code, String reason) {
        Instant at = T0.plusSeconds(secondsAfterT0);
        return new RegistrationReport(e164, RegistrationState.fromWire(state).orElseThrow(), at,
                "registered".equals(state) ? at.plusSeconds(3600) : null, code, reason,
                "retrying".equals(state) ? at.plusSeconds(60) : null, "node-1");
    }

    private Optional<RegistrationStatus> status(String e164) {
        return Optional.ofNullable(inTx(tx -> registrationStatuses().find(tx, List.of(e164))).get(e164));
    }

    private List<RegistrationHistoryEntry> history(String e164) {
        return inTx(tx -> registrationStatuses().history(tx, e164, 50));
    }

    @Test
    default void aLineReadsBackWithItsSealedPasswordAndChangesInPlace() {
        ThirdPartyNumber line = new ThirdPartyNumber(A, "acc-1", "user", "192.0.2.10", 5080, LineTransport.TCP, 600, "main office",
                false, T0, T0.plusSeconds(1));
        create(line, "v1:k1:sealed");
        assertEquals(Optional.of(new SealedLine(line, "v1:k1:sealed")), inTx(tx -> thirdPartyLines().find(tx, A)));
        assertEquals(Optional.of(new SealedLine(line, "v1:k1:sealed")), inTx(tx -> thirdPartyLines().lock(tx, A)));
        assertTrue(inTx(tx -> thirdPartyLines().find(tx, B)).isEmpty());

        ThirdPartyNumber changed = new ThirdPartyNumber(A, "acc-1", "user", "sip.operator.example", 5060, LineTransport.UDP, 3600, null,
                true, T0, T0.plusSeconds(5));
        inTx(tx -> {
            thirdPartyLines().update(tx, changed, "v1:k1:resealed");
            return null;
        });
        assertEquals(Optional.of(new SealedLine(changed, "v1:k1:resealed")), inTx(tx -> thirdPartyLines().find(tx, A)));
        assertFalse(new SealedLine(changed, "v1:k1:resealed").toString().contains("resealed"), "a sealed line prints without its password");
    }

    @Test
    default void linesListByAccountOrAllInNumberOrderAndPage() {
        create(line(C, "acc-1"), "s-c");
        create(line(A, "acc-1"), "s-a");
        create(line(B, "acc-2"), "s-b");
        assertEquals(List.of(A, C), inTx(tx -> thirdPartyLines().list(tx, "acc-1", null, 10)).stream()
                .map(ThirdPartyNumber::e164).toList());
        assertEquals(List.of(B), inTx(tx -> thirdPartyLines().list(tx, null, A, 1)).stream().map(ThirdPartyNumber::e164).toList());
        assertEquals(List.of("s-b", "s-c"), inTx(tx -> thirdPartyLines().sealedLines(tx, A, 10)).stream()
                .map(SealedLine::sealedPassword).toList());
        assertEquals(Set.of(A, B), inTx(tx -> thirdPartyLines().lockConnected(tx, List.of(B, A, "+74950000000"))));
        assertEquals(Set.of(), inTx(tx -> thirdPartyLines().lockConnected(tx, List.of())));
    }

    @Test
    default void eachTransitionIsAnEventAndFallingOutOfRegistrationIsMailedToTheAccountOnce() {
        create(line(A, "acc-1"), "sealed");
        inTx(tx -> {
            try (var st = tx.connection().prepareStatement("UPDATE accounts SET contact_email = 'ops@acme.example' WHERE id = 'acc-1'")) {
                st.executeUpdate();
            }
            return null;
        });
        List<NewEvent> events = new java.util.ArrayList<>();
        RegistrationReports reports = new RegistrationReports(transactions(), thirdPartyLines(), registrationStatuses(),
                (tx, batch) -> events.addAll(batch), new RegistrationFailureNotice(accounts(),
                new OutboxEmailGateway(outbox(), java.time.Clock.fixed(T0, java.time.ZoneOffset.UTC))));
        reports.recordRegistrations(List.of(report(A, "registered", 1, 200, "OK")));
        reports.recordRegistrations(List.of(report(A, "registered", 2, 200, "OK"))); // a refresh: no event
        reports.recordRegistrations(List.of(report(A, "retrying", 3, 503, "Service Unavailable")));
        reports.recordRegistrations(List.of(report(A, "retrying", 4, 408, "Request Timeout"))); // a new answer: an event, no mail
        reports.recordRegistrations(List.of(report(A, "failed_auth", 5, 403, "Forbidden")));

        assertEquals(List.of("registered", "retrying", "retrying", "failed_auth"),
                events.stream().map(e -> e.data().get("state").asText()).toList());
        assertTrue(events.stream().allMatch(e -> e.type() == EventType.LINE_REGISTRATION_CHANGED && e.accountId().equals("acc-1")));
        assertEquals("registered", events.get(1).data().get("previous_state").asText());
        List<String> subjects = inTx(tx -> outbox().email(tx, "ops@acme.example", 10)).stream().map(m -> m.subject()).toList();
        assertEquals(List.of("Line " + A + " is not registered (failed_auth)", "Line " + A + " is not registered (retrying)"), subjects);
    }

    @Test
    default void aRefreshThatStaysRegisteredMovesTheStatusButAddsNoHistory() {
        create(line(A, "acc-1"), "s");
        reports().recordRegistrations(List.of(report(A, "pending", 0, null, null)));
        reports().recordRegistrations(List.of(report(A, "registered", 1, 200, "OK")));
        reports().recordRegistrations(List.of(report(A, "registered", 1800, 200, "OK"), report(A, "registered", 3600, 200, "OK")));

        RegistrationStatus status = status(A).orElseThrow();
        assertEquals(RegistrationState.REGISTERED, status.state());
        assertEquals(T0.plusSeconds(3600 + 3600), status.registeredUntil(), "the last refresh's expiry");
        assertEquals(T0.plusSeconds(3600), status.updatedAt());
        assertEquals(200, status.lastCode());
        assertEquals("node-1", status.node());
        assertEquals(List.of(RegistrationState.REGISTERED, RegistrationState.PENDING),
                history(A).stream().map(RegistrationHistoryEntry::state).toList(), "newest first, refreshes not repeated");
        assertEquals(T0.plusSeconds(1), history(A).get(0).at());
    }

    @Test
    default void aNewStateOrANewAnswerIsATransition() {
        create(line(A, "acc-1"), "s");
        reports().recordRegistrations(List.of(report(A, "registered", 0, 200, "OK"),
                report(A, "retrying", 10, 503, "Service Unavailable"),
                report(A, "retrying", 70, 408, "Request Timeout"),
                report(A, "retrying", 130, 408, "Request Timeout"),
                report(A, "failed_auth", 200, 403, "Forbidden")));
        List<RegistrationHistoryEntry> history = history(A);
        assertEquals(List.of(403, 408, 503, 200), history.stream().map(RegistrationHistoryEntry::code).toList());
        assertEquals("Request Timeout", history.get(1).reason());
        assertEquals(T0.plusSeconds(70 + 60), history.get(1).nextAttemptAt(), "the history keeps the first report of a run");
        RegistrationStatus status = status(A).orElseThrow();
        assertEquals(RegistrationState.FAILED_AUTH, status.state());
        assertNull(status.registeredUntil());
        assertNull(status.nextAttemptAt());
    }

    @Test
    default void reportsForNumbersNotConnectedAndStaleReportsAreDropped() {
        create(line(A, "acc-1"), "s");
        reports().recordRegistrations(List.of(report(B, "registered", 0, 200, "OK"), report(A, "registered", 100, 200, "OK"),
                report(A, "retrying", 50, 503, "late from another node")));
        assertTrue(status(B).isEmpty(), "B is in the catalog, not connected");
        assertTrue(history(B).isEmpty());
        assertEquals(RegistrationState.REGISTERED, status(A).orElseThrow().state());
        assertEquals(1, history(A).size());
        reports().recordRegistrations(List.of());
    }

    @Test
    default void aKeyRotationReSealsEveryPasswordUnderTheCurrentKey() {
        byte[] oldKey = new byte[KeyRing.KEY_BYTES];
        byte[] newKey = new byte[KeyRing.KEY_BYTES];
        newKey[0] = 1;
        SecureRandom random = new SecureRandom();
        // "kX1" would match the LIKE pattern of "k_1" if the underscore were a wildcard.
        DocumentCipher before = new DocumentCipher(new KeyRing("kX1", Map.of("kX1", oldKey)), random);
        KeyRing rotated = new KeyRing("k_1", Map.of("k_1", newKey, "kX1", oldKey));
        DocumentCipher after = new DocumentCipher(rotated, random);
        create(line(A, "acc-1"), before.seal("password-a"));
        create(line(B, "acc-1"), after.seal("password-b"));
        Resealer resealer = Resealer.linePasswords(transactions(), thirdPartyLines(), () -> rotated, random);

        assertEquals(1, resealer.resealOnce());
        assertEquals(0, resealer.resealOnce(), "rotation complete");
        List<SealedLine> all = inTx(tx -> thirdPartyLines().sealedLines(tx, null, 10));
        assertTrue(all.stream().allMatch(l -> after.sealedWithCurrentKey(l.sealedPassword())));
        DocumentCipher newOnly = new DocumentCipher(new KeyRing("k_1", Map.of("k_1", newKey)), random);
        assertEquals(List.of("password-a", "password-b"), all.stream().map(l -> newOnly.open(l.sealedPassword())).toList());
    }

    @Test
    default void deletingALineTakesItsStatusAndHistoryWithIt() {
        create(line(A, "acc-1"), "s");
        create(line(B, "acc-1"), "s");
        reports().recordRegistrations(List.of(report(A, "registered", 0, 200, "OK"), report(B, "registered", 0, 200, "OK")));
        boolean first = inTx(tx -> thirdPartyLines().delete(tx, A));
        boolean second = inTx(tx -> thirdPartyLines().delete(tx, A));
        assertTrue(first);
        assertFalse(second);
        assertTrue(status(A).isEmpty());
        assertTrue(history(A).isEmpty());
        assertEquals(1, history(B).size(), "the other line keeps its own");
        reports().recordRegistrations(List.of(report(A, "unregistered", 10, 200, "OK")));
        assertTrue(status(A).isEmpty(), "a report after the disconnection is dropped");
        Map<String, RegistrationStatus> both = inTx(tx -> registrationStatuses().find(tx, List.of(A, B)));
        assertEquals(Set.of(B), both.keySet());
    }
}
