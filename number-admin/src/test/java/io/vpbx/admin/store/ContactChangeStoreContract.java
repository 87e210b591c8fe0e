package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.contact.ContactChangeStatus;
import io.vpbx.admin.domain.contact.ContactHolderKind;
import io.vpbx.admin.domain.contact.ContactPhoneChange;
import io.vpbx.admin.domain.contact.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the stores of contact-phone changes must do: the ContactChangeStore, the outboxes of the
 * development gateways and the accounts' contact fields; each backend's test implements it (H2 and PostgreSQL: the JDBC stores).
 */
public interface ContactChangeStoreContract extends StoreContract {
    ContactChangeStore contactChanges();

    OutboxStore outbox();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0, "+79161234567", "owner@acme.example"));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private static ContactPhoneChange change(String id, String accountId, ContactHolderKind kind, String holderId, Instant at,
                                             ContactChangeStatus status) {
        return new ContactPhoneChange(id, kind, holderId, accountId, "+79161234567", "+79031112233", "a".repeat(64), "b".repeat(64),
                "c".repeat(32), 5, at.plusSeconds(300), status, null, at, status == ContactChangeStatus.COMPLETED ? at.plusSeconds(60) : null,
                false, null);
    }

    private void create(ContactPhoneChange change) {
        inTx(tx -> {
            contactChanges().create(tx, change);
            return null;
        });
    }

    @Test
    default void createdChangeReadsBackWhole() {
        ContactPhoneChange flagged = new ContactPhoneChange("chg-1", ContactHolderKind.ACCOUNT, "acc-1", "acc-1", null, "+79031112233",
                null, "b".repeat(64), "c".repeat(32), 5, T0.plusSeconds(300), ContactChangeStatus.PENDING, null, T0, null, true,
                "second contact-phone change within 24 hours");
        create(flagged);
        assertEquals(Optional.of(flagged), inTx(tx -> contactChanges().find(tx, "chg-1")));
        assertEquals(Optional.of(flagged), inTx(tx -> contactChanges().lock(tx, "chg-1")));
        assertTrue(inTx(tx -> contactChanges().find(tx, "chg-404")).isEmpty());
    }

    @Test
    default void updateWritesStatusAttemptsVerificationAndCompletion() {
        create(change("chg-1", "acc-1", ContactHolderKind.ACCOUNT, "acc-1", T0, ContactChangeStatus.PENDING));
        ContactPhoneChange done = inTx(tx -> contactChanges().lock(tx, "chg-1")).orElseThrow().withWrongAttempt()
                .withOperatorVerification("operator/key-1").completed(T0.plusSeconds(120));
        inTx(tx -> {
            contactChanges().update(tx, done);
            return null;
        });
        ContactPhoneChange read = inTx(tx -> contactChanges().find(tx, "chg-1")).orElseThrow();
        assertEquals(done, read);
        assertEquals(4, read.attemptsLeft());
        assertEquals(ContactChangeStatus.COMPLETED, read.status());
    }

    @Test
    default void pendingAndLastCompletionBelongToOneHolderOfOneAccount() {
        create(change("chg-1", "acc-1", ContactHolderKind.ACCOUNT, "acc-1", T0, ContactChangeStatus.COMPLETED));
        create(change("chg-2", "acc-1", ContactHolderKind.ACCOUNT, "acc-1", T0.plusSeconds(3600), ContactChangeStatus.COMPLETED));
        create(change("chg-3", "acc-1", ContactHolderKind.ACCOUNT, "acc-1", T0.plusSeconds(7200), ContactChangeStatus.EXPIRED));
        create(change("chg-4", "acc-1", ContactHolderKind.ACCOUNT, "acc-1", T0.plusSeconds(9000), ContactChangeStatus.PENDING));
        create(change("chg-5", "acc-1", ContactHolderKind.END_USER, "eu-1", T0.plusSeconds(9999), ContactChangeStatus.COMPLETED));
        create(change("chg-6", "acc-2", ContactHolderKind.ACCOUNT, "acc-2", T0.plusSeconds(9999), ContactChangeStatus.PENDING));

        assertEquals(Optional.of("chg-4"), inTx(tx -> contactChanges().findPending(tx, "acc-1", ContactHolderKind.ACCOUNT, "acc-1"))
                .map(ContactPhoneChange::id));
        assertTrue(inTx(tx -> contactChanges().findPending(tx, "acc-1", ContactHolderKind.END_USER, "eu-1")).isEmpty());
        assertTrue(inTx(tx -> contactChanges().findPending(tx, "acc-2", ContactHolderKind.ACCOUNT, "acc-1")).isEmpty(), "another account's holder");
        assertEquals(Optional.of(T0.plusSeconds(3660)), inTx(tx -> contactChanges().lastCompletedAt(tx, "acc-1", ContactHolderKind.ACCOUNT, "acc-1")));
        assertEquals(Optional.of(T0.plusSeconds(10059)), inTx(tx -> contactChanges().lastCompletedAt(tx, "acc-1", ContactHolderKind.END_USER, "eu-1")));
        assertTrue(inTx(tx -> contactChanges().lastCompletedAt(tx, "acc-2", ContactHolderKind.ACCOUNT, "acc-2")).isEmpty());
    }

    @Test
    default void historyIsNewestFirstInStablePagesOfOneHolder() {
        for (int i = 0; i < 7; i++) {
            create(change("chg-" + i, "acc-1", ContactHolderKind.ACCOUNT, "acc-1", T0.plusSeconds(i / 2 * 60L), ContactChangeStatus.EXPIRED));
        }
        create(change("chg-other", "acc-2", ContactHolderKind.ACCOUNT, "acc-2", T0, ContactChangeStatus.PENDING));
        List<String> seen = new ArrayList<>();
        ContactChangeStore.Cursor cursor = null;
        do {
            ContactChangeStore.Cursor after = cursor;
            List<ContactPhoneChange> page = inTx(tx -> contactChanges().history(tx, "acc-1", ContactHolderKind.ACCOUNT, "acc-1", after, 3));
            page.forEach(c -> seen.add(c.id()));
            ContactPhoneChange last = page.isEmpty() ? null : page.get(page.size() - 1);
            cursor = page.size() < 3 ? null : new ContactChangeStore.Cursor(last.createdAt(), last.id());
        } while (cursor != null);
        assertEquals(List.of("chg-6", "chg-5", "chg-4", "chg-3", "chg-2", "chg-1", "chg-0"), seen,
                "newest first; same instant by id, descending; another account's change absent");
    }

    @Test
    default void outboxesKeepMessagesNewestFirstPerRecipient() {
        inTx(tx -> {
            outbox().appendSms(tx, new OutboxMessage(0, "+79161234567", null, "first", T0));
            outbox().appendSms(tx, new OutboxMessage(0, "+79031112233", null, "other", T0));
            outbox().appendSms(tx, new OutboxMessage(0, "+79161234567", null, "second", T0.plusSeconds(1)));
            outbox().appendEmail(tx, new OutboxMessage(0, "owner@acme.example", "Subject", "mail", T0));
            return null;
        });
        List<OutboxMessage> sms = inTx(tx -> outbox().sms(tx, "+79161234567", 10));
        assertEquals(List.of("second", "first"), sms.stream().map(OutboxMessage::body).toList());
        assertEquals("+79161234567", sms.get(0).to());
        assertEquals(3, inTx(tx -> outbox().sms(tx, null, 10)).size());
        assertEquals(1, inTx(tx -> outbox().sms(tx, null, 1)).size());
        OutboxMessage mail = inTx(tx -> outbox().email(tx, "owner@acme.example", 10)).get(0);
        assertEquals(new OutboxMessage(mail.id(), "owner@acme.example", "Subject", "mail", T0), mail);
        assertTrue(inTx(tx -> outbox().email(tx, "nobody@acme.example", 10)).isEmpty());
    }

    @Test
    default void accountsKeepTheirContactAndChangeThePhoneAlone() {
        assertEquals(Optional.of(new Account("acc-1", "Acme", T0, "+79161234567", "owner@acme.example")),
                inTx(tx -> accounts().lock(tx, "acc-1")));
        inTx(tx -> {
            accounts().setContactPhone(tx, "acc-1", "+79031112233");
            return null;
        });
        assertEquals(Optional.of(new Account("acc-1", "Acme", T0, "+79031112233", "owner@acme.example")),
                inTx(tx -> accounts().find(tx, "acc-1")));
        assertEquals(Optional.of(new Account("acc-2", "Globex", T0)), inTx(tx -> accounts().find(tx, "acc-2")));
    }
}
