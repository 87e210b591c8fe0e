package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.domain.voicemail.Voicemail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every MailQueueStore must do; each backend's test implements it (H2 and PostgreSQL: the JDBC stores). The
 * claims are what lets several nodes share one queue: only one claim on a due row succeeds, and an outcome is
 * written only by the attempt that holds the claim.
 */
public interface MailQueueStoreContract extends StoreContract {
    MailQueueStore mailQueue();

    VoicemailStore voicemails();

    Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            voicemails().create(tx, new Voicemail("vm-1", "acc-1", "+74951230001", "+79161234567", "c-1", T0, Duration.ofSeconds(3),
                    false, T0), new byte[] {1, 2});
            return null;
        });
    }

    private void enqueue(String recipient, Instant at) {
        inTx(tx -> {
            mailQueue().enqueue(tx, MailDelivery.queued("vm-1", "acc-1", recipient, at));
            return null;
        });
    }

    private List<MailDelivery> due(Instant now) {
        return inTx(tx -> mailQueue().due(tx, now, 10));
    }

    private MailDelivery claim(MailDelivery candidate, Instant now) {
        return inTx(tx -> mailQueue().claim(tx, candidate, now, now.plusSeconds(120)));
    }

    private MailDelivery only() {
        List<MailDelivery> rows = inTx(tx -> mailQueue().ofVoicemail(tx, "vm-1"));
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    private boolean holds(TxWork<Boolean> question) {
        return inTx(question);
    }

    private long queued() {
        return inTx(tx -> mailQueue().queued(tx));
    }

    @Test
    default void aQueuedRowIsDueAtOnceAndOnlyTheFirstClaimTakesIt() {
        enqueue("a@acme.example", T0);
        MailDelivery candidate = due(T0).get(0);
        assertEquals("a@acme.example", candidate.recipient());
        assertEquals(DeliveryState.QUEUED, candidate.state());

        MailDelivery mine = claim(candidate, T0);
        MailDelivery theirs = claim(candidate, T0); // another node that read the same candidate

        assertNotNull(mine);
        assertEquals(1, mine.attempts());
        assertEquals(T0.plusSeconds(120), mine.nextAttemptAt());
        assertNull(theirs);
        assertTrue(due(T0.plusSeconds(60)).isEmpty(), "claimed rows are not due while their lease runs");
        assertEquals(1, due(T0.plusSeconds(120)).size(), "a lease that ran out (a node died mid-send) makes the row due again");
    }

    @Test
    default void sentIsWrittenByTheClaimingAttemptOnly() {
        enqueue("a@acme.example", T0);
        MailDelivery first = claim(due(T0).get(0), T0);
        MailDelivery second = claim(due(T0.plusSeconds(120)).get(0), T0.plusSeconds(120)); // the first one's lease ran out

        assertFalse(holds(tx -> mailQueue().markSent(tx, first, T0.plusSeconds(130))), "a stale claim writes nothing");
        assertTrue(holds(tx -> mailQueue().markSent(tx, second, T0.plusSeconds(131))));

        MailDelivery row = only();
        assertEquals(DeliveryState.SENT, row.state());
        assertEquals(2, row.attempts());
        assertEquals(T0.plusSeconds(131), row.sentAt());
        assertEquals(0L, queued());
        assertTrue(due(T0.plusSeconds(10_000)).isEmpty());
    }

    @Test
    default void aRetryQueuesTheRowForLaterWithTheReasonAndAFailureEndsIt() {
        enqueue("a@acme.example", T0);
        MailDelivery claim = claim(due(T0).get(0), T0);
        assertTrue(holds(tx -> mailQueue().retryAt(tx, claim, T0.plusSeconds(30), "Connection refused")));

        assertTrue(due(T0.plusSeconds(29)).isEmpty());
        MailDelivery retried = due(T0.plusSeconds(30)).get(0);
        assertEquals("Connection refused", retried.lastError());
        assertEquals(1L, queued());

        MailDelivery again = claim(retried, T0.plusSeconds(30));
        assertTrue(holds(tx -> mailQueue().markFailed(tx, again, "gave up after 2 attempts: 451 try later")));
        MailDelivery row = only();
        assertEquals(DeliveryState.FAILED, row.state());
        assertEquals("gave up after 2 attempts: 451 try later", row.lastError());
        assertEquals(0L, queued());
    }

    @Test
    default void dueRowsComeOldestFirst() {
        enqueue("late@acme.example", T0.plusSeconds(5));
        enqueue("early@acme.example", T0);
        assertEquals(List.of("early@acme.example", "late@acme.example"),
                due(T0.plusSeconds(5)).stream().map(MailDelivery::recipient).toList());
        assertEquals(List.of("early@acme.example"), due(T0).stream().map(MailDelivery::recipient).toList());
    }

    @Test
    default void aLongErrorIsKeptShortened() {
        enqueue("a@acme.example", T0);
        MailDelivery claim = claim(due(T0).get(0), T0);
        assertTrue(holds(tx -> mailQueue().retryAt(tx, claim, T0.plusSeconds(30), "x".repeat(5_000))));
        assertTrue(only().lastError().length() <= 1_000);
    }
}
