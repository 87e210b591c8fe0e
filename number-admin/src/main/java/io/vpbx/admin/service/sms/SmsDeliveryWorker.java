package io.vpbx.admin.service.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.contact.SmsDelivery;
import io.vpbx.admin.service.Sealer;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.voicemail.RetrySchedule;
import io.vpbx.admin.store.SmsQueueStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TxWork;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the SMS queue: claims what is due (a lease, as the mail worker does), opens each text, hands it to the
 * provider one at a time (an SMSC bind is one session), and records the outcome: sent, queued again after a backoff,
 * or failed after sms.give-up-after. Log lines name the row and a masked recipient, never the text (it may be a code).
 *
 * <p>Metrics: {@code vpbx.sms.deliveries} (outcome: sent, retried, failed).
 */
public final class SmsDeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SmsDeliveryWorker.class);
    static final int CLAIM_BATCH = 20;
    static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final Transactions transactions;
    private final SmsQueueStore queue;
    private final Sealer sealer;
    private final SmsSender sender;
    private final RetrySchedule retries;
    private final Duration lease;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private volatile boolean closed;
    private volatile Thread thread;

    public SmsDeliveryWorker(Transactions transactions, SmsQueueStore queue, Sealer sealer, SmsSender sender, RetrySchedule retries,
                             Duration timeout, Clock clock, MeterRegistry registry) {
        this.transactions = transactions;
        this.queue = queue;
        this.sealer = sealer;
        this.sender = sender;
        this.retries = retries;
        // a batch is sent one message after the other: the lease covers all of them, each within the timeout
        this.lease = timeout.multipliedBy(CLAIM_BATCH + 2L);
        this.clock = clock;
        this.sent = outcome(registry, "sent");
        this.retried = outcome(registry, "retried");
        this.failed = outcome(registry, "failed");
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("vpbx.sms.deliveries").description("SMS send attempts by outcome").tag("outcome", outcome)
                .register(registry);
    }

    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = Thread.ofVirtual().name("vpbx-sms-worker").start(() -> {
            while (!closed) {
                try {
                    runOnce();
                } catch (RuntimeException e) {
                    log.warn("a round of SMS delivery failed; trying again at the next interval", e);
                }
                LockSupport.parkNanos(this, POLL_INTERVAL.toNanos());
            }
        });
    }

    /** Wakes the loop for a round now (a commit queued a message). */
    public void nudge() {
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    /** One round: claims what is due, sends it, records the outcomes. Returns how many messages it took. */
    public int runOnce() {
        Instant now = StoredTime.now(clock);
        List<SmsDelivery> claimed = transactions.inTransaction(tx -> {
            List<SmsDelivery> taken = new ArrayList<>();
            for (SmsDelivery candidate : queue.due(tx, now, CLAIM_BATCH)) {
                SmsDelivery claim = queue.claim(tx, candidate, now, now.plus(lease));
                if (claim != null) {
                    taken.add(claim);
                }
            }
            return taken;
        });
        claimed.forEach(this::deliver);
        return claimed.size();
    }

    private void deliver(SmsDelivery claim) {
        try {
            sender.send(claim.recipient(), sealer.open(claim.sealedText()));
            settle(claim, "sent", tx -> queue.markSent(tx, claim, StoredTime.now(clock)));
            sent.increment();
        } catch (SmsSender.SmsFailure e) {
            failedAttempt(claim, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("SMS {} to {} failed unexpectedly: {}", claim.id(), masked(claim.recipient()), e.getClass().getSimpleName());
            failedAttempt(claim, e.getClass().getSimpleName());
        }
    }

    private void failedAttempt(SmsDelivery claim, String error) {
        Optional<Instant> next = retries.next(claim.attempts(), claim.createdAt(), StoredTime.now(clock));
        if (next.isEmpty()) {
            log.warn("SMS {} to {} failed after {} attempts: {}", claim.id(), masked(claim.recipient()), claim.attempts(), error);
            settle(claim, "failed", tx -> queue.markFailed(tx, claim, error));
            failed.increment();
            return;
        }
        log.info("SMS {} to {} failed (attempt {}), next try at {}: {}", claim.id(), masked(claim.recipient()), claim.attempts(),
                next.get(), error);
        settle(claim, "retry", tx -> queue.retryAt(tx, claim, next.get(), error));
        retried.increment();
    }

    private void settle(SmsDelivery claim, String outcome, TxWork<Boolean> write) {
        if (!transactions.inTransaction(write)) {
            log.warn("SMS {} ({}): the claim was lost before the outcome was written", claim.id(), outcome);
        }
    }

    /** +7916***4567: enough to tell messages apart in a log, not a whole number. */
    static String masked(String e164) {
        return e164.length() <= 8 ? "***" : e164.substring(0, 5) + "***" + e164.substring(e164.length() - 4);
    }

    @Override
    public void close() {
        closed = true;
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(lease.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (sender instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.debug("closing the SMS sender failed", e);
            }
        }
    }
}
