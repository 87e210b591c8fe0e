package io.vpbx.admin.service.events;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.event.Event;
import io.vpbx.admin.domain.event.Webhook;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.voicemail.RetrySchedule;
import io.vpbx.admin.store.EventStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.TxWork;
import io.vpbx.admin.store.WebhookStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works the webhook delivery queue. Each round claims what is due (a claim is a lease: a node that dies mid-send
 * leaves the row to be taken again when the lease ends), as far as the limits allow: at most {@code concurrency}
 * deliveries in flight per subscription and {@code maxInFlight} on this node, so that a slow or hung receiver only
 * delays its own events. Each send runs on a virtual thread of its own and the round does not wait for it. Outcomes:
 * sent on a 2xx; queued again after a backoff with jitter ({@link RetrySchedule}) on a timeout, a connection error or
 * any other status; failed once webhooks.give-up-after has passed, or at once when the URL now resolves to a private
 * address (checked before every attempt; the connection goes to the address checked).
 *
 * <p>Metrics: {@code vpbx.webhooks.deliveries} (outcome: sent, retried, failed), {@code vpbx.webhooks.queue} (rows
 * queued as of the last round), {@code vpbx.webhooks.in_flight}.
 */
public final class WebhookDeliveryWorker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryWorker.class);

    /** How often the worker looks for due deliveries when nothing nudges it. */
    public static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    /** Rows claimed per query: a round claims in steps of this while capacity lasts. */
    static final int CLAIM_BATCH = 50;

    private final Transactions transactions;
    private final EventStore events;
    private final WebhookStore webhooks;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final RetrySchedule retries;
    private final EventBody bodies;
    private final int concurrency;
    private final int maxInFlight;
    private final Duration lease;
    private final Clock clock;
    private final Map<String, AtomicInteger> perWebhook = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong queued = new AtomicLong();
    private final ExecutorService sends = Executors.newVirtualThreadPerTaskExecutor();
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private volatile boolean closed;
    private Thread thread;

    public WebhookDeliveryWorker(Transactions transactions, EventStore events, WebhookStore webhooks, WebhookSecrets secrets,
                                 WebhookTargets targets, WebhookSender sender, RetrySchedule retries, EventBody bodies,
                                 int concurrency, int maxInFlight, Duration timeout, Clock clock, MeterRegistry registry) {
        this.transactions = transactions;
        this.events = events;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.targets = targets;
        this.sender = sender;
        this.retries = retries;
        this.bodies = bodies;
        this.concurrency = concurrency;
        this.maxInFlight = maxInFlight;
        // DNS, connect and answer fit in the timeout; twice that plus a margin before another node may take the row
        this.lease = timeout.multipliedBy(2).plusSeconds(5);
        this.clock = clock;
        this.sent = outcome(registry, "sent");
        this.retried = outcome(registry, "retried");
        this.failed = outcome(registry, "failed");
        Gauge.builder("vpbx.webhooks.queue", queued, AtomicLong::get).description("webhook deliveries waiting").register(registry);
        Gauge.builder("vpbx.webhooks.in_flight", inFlight, AtomicInteger::get).description("webhook deliveries being sent")
                .register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("vpbx.webhooks.deliveries").description("webhook delivery attempts by outcome")
                .tag("outcome", outcome).register(registry);
    }

    /** Starts the polling loop on a virtual thread. */
    public synchronized void start() {
        if (thread != null || closed) {
            return;
        }
        thread = Thread.ofVirtual().name("vpbx-webhook-worker").start(this::loop);
    }

    /** Wakes the loop for a round now (a commit queued deliveries, or a send finished and freed a slot). */
    public void nudge() {
        Thread running = thread;
        if (running != null) {
            LockSupport.unpark(running);
        }
    }

    private void loop() {
        while (!closed) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("a round of webhook delivery failed; trying again at the next interval", e);
            }
            LockSupport.parkNanos(this, POLL_INTERVAL.toNanos());
        }
    }

    /** One round: claims what is due and may be sent now, and starts sending it. Returns how many deliveries it took. */
    public int runOnce() {
        int taken = 0;
        while (!closed && inFlight.get() < maxInFlight) {
            List<WebhookDelivery> claimed = claimDue(Math.min(CLAIM_BATCH, maxInFlight - inFlight.get()));
            claimed.forEach(claim -> sends.submit(() -> deliver(claim)));
            taken += claimed.size();
            if (claimed.isEmpty()) {
                break;
            }
        }
        queued.set(transactions.inTransaction(events::queued));
        return taken;
    }

    /** Deliveries being sent now: tests wait for it to reach 0. */
    public int inFlight() {
        return inFlight.get();
    }

    private List<WebhookDelivery> claimDue(int room) {
        Instant now = StoredTime.now(clock);
        List<String> busy = perWebhook.entrySet().stream().filter(e -> e.getValue().get() >= concurrency).map(Map.Entry::getKey)
                .toList();
        return transactions.inTransaction(tx -> {
            List<WebhookDelivery> taken = new ArrayList<>();
            for (WebhookDelivery candidate : events.due(tx, now, busy, room)) {
                AtomicInteger slots = perWebhook.computeIfAbsent(candidate.webhookId(), id -> new AtomicInteger());
                if (slots.get() >= concurrency) {
                    continue;
                }
                WebhookDelivery claim = events.claim(tx, candidate, now, now.plus(lease));
                if (claim != null) {
                    slots.incrementAndGet();
                    inFlight.incrementAndGet();
                    taken.add(claim);
                }
            }
            return taken;
        });
    }

    private void deliver(WebhookDelivery claim) {
        try {
            attempt(claim);
        } catch (RuntimeException e) {
            log.warn("webhook delivery {} failed unexpectedly", claim.id(), e);
            failedAttempt(claim, 0, e.toString());
        } finally {
            // entries stay (one small counter per subscription this node has sent to), so a count is never lost to a race
            perWebhook.get(claim.webhookId()).decrementAndGet();
            inFlight.decrementAndGet();
            nudge();
        }
    }

    private void attempt(WebhookDelivery claim) {
        Target target = transactions.inTransaction(tx -> new Target(webhooks.findAny(tx, claim.webhookId()),
                events.find(tx, claim.eventId())));
        Optional<Webhook> webhook = target.webhook();
        Optional<Event> event = target.event();
        if (webhook.isEmpty() || event.isEmpty()) {
            return; // deleted meanwhile: its deliveries went with it
        }
        if (!webhook.get().enabled()) {
            giveUp(claim, 0, "the subscription is disabled");
            return;
        }
        URI url = URI.create(webhook.get().url());
        WebhookTargets.Resolution where = targets.resolve(url);
        switch (where) {
            case WebhookTargets.Resolution.Refused refused -> giveUp(claim, 0, refused.reason() + "; not sent");
            case WebhookTargets.Resolution.Unresolved unresolved -> failedAttempt(claim, 0, "the host " + url.getHost()
                    + " does not resolve");
            case WebhookTargets.Resolution.Allowed allowed -> {
                EventBody.Signed body = bodies.signed(event.get(), secrets.open(webhook.get().sealedSecret()), clock.instant());
                try {
                    int status = sender.post(url, allowed.addresses().get(0), body.headers(claim), body.bytes());
                    if (status >= 200 && status < 300) {
                        settle(claim, "sent", tx -> events.markSent(tx, claim, status, StoredTime.now(clock)));
                        sent.increment();
                    } else {
                        failedAttempt(claim, status, "the receiver answered " + status);
                    }
                } catch (WebhookSender.WebhookFailure e) {
                    failedAttempt(claim, 0, e.getMessage());
                }
            }
        }
    }

    /** What one attempt reads before sending, in one transaction. */
    private record Target(Optional<Webhook> webhook, Optional<Event> event) {
    }

    private void failedAttempt(WebhookDelivery claim, int status, String error) {
        Instant now = StoredTime.now(clock);
        Optional<Instant> next = retries.next(claim.attempts(), claim.createdAt(), now);
        if (next.isEmpty()) {
            giveUp(claim, status, "gave up after " + claim.attempts() + " attempts: " + error);
            return;
        }
        log.debug("webhook delivery {} failed (attempt {}), next try at {}: {}", claim.id(), claim.attempts(), next.get(), error);
        settle(claim, "retry", tx -> events.retryAt(tx, claim, next.get(), status, error));
        retried.increment();
    }

    private void giveUp(WebhookDelivery claim, int status, String reason) {
        log.info("webhook delivery {} to subscription {} failed: {}", claim.id(), claim.webhookId(), reason);
        settle(claim, "failed", tx -> events.markFailed(tx, claim, status, reason));
        failed.increment();
    }

    private void settle(WebhookDelivery claim, String outcome, TxWork<Boolean> write) {
        if (!transactions.inTransaction(write)) {
            log.warn("webhook delivery {} ({}): the claim was lost before the outcome was written", claim.id(), outcome);
        }
    }

    /** Stops the loop and waits (up to a lease) for the sends in progress. */
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
        sends.shutdown();
        try {
            sends.awaitTermination(lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
