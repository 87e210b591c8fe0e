package io.vpbx.admin.service.voicemail;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.domain.voicemail.Recipient;
import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.mail.MailFailure;
import io.vpbx.admin.service.mail.MailSender;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.MailQueueStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TxWork;
import io.vpbx.admin.store.VoicemailStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the mail queue: every round it claims the deliveries that are due (a claim is a lease: a node that dies
 * mid-send leaves the row to be taken again when the lease ends), sends each on a virtual thread of its own, and
 * records the outcome: sent; queued again after a backoff ({@link RetrySchedule}); or failed, when the recipient is
 * an employee without an e-mail address (or no longer exists) or the delivery kept failing for mail.give-up-after.
 * Several nodes may work one database: only one claim on a row succeeds.
 *
 * <p>Metrics: {@code vpbx.mail.deliveries} (outcome: sent, retried, failed) and {@code vpbx.mail.queue} (rows still
 * queued, as of the last round).
 */
public final class MailDeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailDeliveryWorker.class);

    /** Deliveries claimed per round: each is sent on its own virtual thread. */
    public static final int CLAIM_BATCH = 20;
    /** How often the worker looks for due deliveries. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final Transactions transactions;
    private final MailQueueStore queue;
    private final VoicemailStore voicemails;
    private final EmployeeStore employees;
    private final MailSender sender;
    private final RetrySchedule retries;
    private final Duration lease;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final AtomicLong queued = new AtomicLong();
    private volatile boolean closed;
    private Thread thread;

    /** {@code sendTimeout} bounds one send (mail.timeout); a claim's lease is a few of them. */
    public MailDeliveryWorker(Transactions transactions, MailQueueStore queue, VoicemailStore voicemails, EmployeeStore employees,
                              MailSender sender, RetrySchedule retries, Duration sendTimeout, Clock clock, MeterRegistry registry) {
        this.transactions = transactions;
        this.queue = queue;
        this.voicemails = voicemails;
        this.employees = employees;
        this.sender = sender;
        this.retries = retries;
        // connect, then each SMTP command within the timeout; four of them cover a slow but working server
        this.lease = sendTimeout.multipliedBy(4);
        this.clock = clock;
        this.sent = outcome(registry, "sent");
        this.retried = outcome(registry, "retried");
        this.failed = outcome(registry, "failed");
        Gauge.builder("vpbx.mail.queue", queued, AtomicLong::get).description("voicemail deliveries waiting to be sent")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("vpbx.mail.deliveries").description("voicemail delivery attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** Starts the polling loop on a virtual thread. */
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = Thread.ofVirtual().name("vpbx-mail-worker").start(this::loop);
    }

    private void loop() {
        while (!closed) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("a round of mail delivery failed; trying again at the next interval", e);
            }
            LockSupport.parkNanos(this, POLL_INTERVAL.toNanos());
        }
    }

    /** One round: claims what is due now, sends it, records the outcomes. Returns how many deliveries it took. */
    public int runOnce() {
        List<MailDelivery> claimed = claimDue();
        if (!claimed.isEmpty()) {
            try (ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor()) {
                claimed.forEach(delivery -> sends.submit(() -> deliver(delivery)));
            }
        }
        queued.set(transactions.inTransaction(queue::queued));
        return claimed.size();
    }

    private List<MailDelivery> claimDue() {
        Instant now = StoredTime.now(clock);
        return transactions.inTransaction(tx -> {
            List<MailDelivery> taken = new ArrayList<>();
            for (MailDelivery candidate : queue.due(tx, now, CLAIM_BATCH)) {
                MailDelivery claim = queue.claim(tx, candidate, now, now.plus(lease));
                if (claim != null) {
                    taken.add(claim);
                }
            }
            return taken;
        });
    }

    private void deliver(MailDelivery claim) {
        try {
            Optional<Voicemail> message = transactions.inTransaction(tx -> voicemails.findInAnyAccount(tx, claim.voicemailId()));
            if (message.isEmpty()) {
                return; // deleted meanwhile: its deliveries went with it
            }
            Recipient recipient = Recipient.parse(claim.recipient());
            String address = switch (recipient) {
                case Recipient.Address a -> a.email();
                case Recipient.Employee e -> employeeAddress(claim, e.employeeId());
            };
            if (address == null) {
                return;
            }
            byte[] wav = transactions.inTransaction(tx -> voicemails.wav(tx, claim.accountId(), claim.voicemailId())).orElse(null);
            if (wav == null) {
                return;
            }
            sender.send(VoicemailMail.of(message.get(), wav, address));
            settle(claim, "sent", tx -> queue.markSent(tx, claim, StoredTime.now(clock)));
            sent.increment();
        } catch (MailFailure e) {
            failedAttempt(claim, e.getMessage());
        } catch (RuntimeException e) {
            log.warn("delivery {} of voicemail {} failed unexpectedly", claim.id(), claim.voicemailId(), e);
            failedAttempt(claim, e.toString());
        }
    }

    /** The employee's e-mail address, or null after marking the delivery failed (no such employee, or no address). */
    private String employeeAddress(MailDelivery claim, String employeeId) {
        Optional<Employee> employee = transactions.inTransaction(tx -> employees.find(tx, claim.accountId(), employeeId));
        String reason = employee.isEmpty() ? "employee " + employeeId + " no longer exists"
                : employee.get().email() == null ? "employee " + employeeId + " has no e-mail address" : null;
        if (reason == null) {
            return employee.get().email();
        }
        giveUp(claim, reason);
        return null;
    }

    private void failedAttempt(MailDelivery claim, String error) {
        Instant now = StoredTime.now(clock);
        Optional<Instant> next = retries.next(claim.attempts(), claim.createdAt(), now);
        if (next.isEmpty()) {
            giveUp(claim, "gave up after " + claim.attempts() + " attempts: " + error);
            return;
        }
        log.info("delivery {} of voicemail {} failed (attempt {}), next try at {}: {}", claim.id(), claim.voicemailId(),
                claim.attempts(), next.get(), error);
        settle(claim, "retry", tx -> queue.retryAt(tx, claim, next.get(), error));
        retried.increment();
    }

    private void giveUp(MailDelivery claim, String reason) {
        log.warn("delivery {} of voicemail {} failed: {}", claim.id(), claim.voicemailId(), reason);
        settle(claim, "failed", tx -> queue.markFailed(tx, claim, reason));
        failed.increment();
    }

    private void settle(MailDelivery claim, String outcome, TxWork<Boolean> write) {
        if (!transactions.inTransaction(write)) {
            log.warn("delivery {} ({}): the claim was lost before the outcome was written", claim.id(), outcome);
        }
    }

    /** Stops the loop; a round in progress finishes its sends. */
    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running != null) {
            LockSupport.unpark(running);
            try {
                running.join(lease.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
