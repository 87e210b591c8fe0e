package io.vpbx.admin.service.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.Sealer;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.admin.service.voicemail.RetrySchedule;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import io.vpbx.admin.store.jdbc.JdbcEventStore;
import io.vpbx.admin.store.jdbc.JdbcWebhookStore;
import io.vpbx.config.AddressRange;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The outbox, the webhook service and a delivery worker over a fresh database, wired as AdminModule wires them, with
 * the real clock, short retry delays (100..400 ms), the Vert.x HTTP client and loopback allowed (the operator's
 * allowance for a lab) unless a test says otherwise. One account, acc-1.
 */
final class WebhookTestBed implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(1);
    static final List<AddressRange> LOOPBACK = List.of(AddressRange.parse("127.0.0.0/8").orElseThrow());

    final TestDatabases.TestDatabase db;
    final Clock clock = Clock.systemUTC();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final JdbcWebhookStore webhookStore = new JdbcWebhookStore();
    final JdbcEventStore eventStore = new JdbcEventStore();
    final WebhookSecrets secrets = new WebhookSecrets(new Sealer(() -> KeyRing.parse("t1:" + key(1)), new SecureRandom()), new SecureRandom());
    final Vertx vertx = Vertx.vertx();
    final VertxWebhookSender sender = new VertxWebhookSender(vertx, TIMEOUT, 64);
    final EventOutbox outbox;
    final Auditor auditor;
    final WebhookService webhooks;
    WebhookDeliveryWorker worker;
    final RequestContext acme = new RequestContext(Principal.account("acc-1", "key-1"), "127.0.0.1", "req-1");

    WebhookTestBed(String kind, int concurrency) {
        db = TestDatabases.of(kind);
        outbox = new EventOutbox(webhookStore, eventStore, JsonMappers.create(), clock, () -> worker.nudge());
        AuditedEvents audited = new AuditedEvents();
        auditor = new Auditor(new JdbcAuditStore(JsonMappers.create()), clock, ChangeListener.NONE,
                (tx, entry) -> outbox.record(tx, audited.of(entry)));
        webhooks = new WebhookService(db.database(), webhookStore, eventStore, secrets, targets(LOOPBACK), auditor, clock, 200,
                () -> worker.nudge());
        worker = worker(targets(LOOPBACK), concurrency);
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", Instant.parse("2026-11-23T10:00:00Z")));
            return null;
        });
    }

    static WebhookTargets targets(List<AddressRange> allowed) {
        return new WebhookTargets(new PrivateTargets(allowed), HostResolver.system());
    }

    WebhookDeliveryWorker worker(WebhookTargets targets, int concurrency) {
        return worker(targets, concurrency, 64);
    }

    WebhookDeliveryWorker worker(WebhookTargets targets, int concurrency, int maxInFlight) {
        return new WebhookDeliveryWorker(db.database(), eventStore, webhookStore, secrets, targets, sender,
                new RetrySchedule(Duration.ofMillis(100), Duration.ofMillis(400), Duration.ofSeconds(30), new SecureRandom()::nextDouble),
                new EventBody(JsonMappers.create()), concurrency, maxInFlight, TIMEOUT, clock, registry);
    }

    List<WebhookDelivery> deliveries(String webhookId) {
        return db.database().inTransaction(tx -> eventStore.ofWebhook(tx, webhookId, null, 1000));
    }

    long eventCount() {
        return db.database().inTransaction(tx -> {
            try (var st = tx.connection().prepareStatement("SELECT COUNT(*) FROM events"); var rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Polls until {@code done} or {@code within} passes; returns whether it came true. */
    static boolean eventually(Duration within, BooleanSupplier done) {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return done.getAsBoolean();
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public void close() {
        worker.close();
        sender.close();
        vertx.close().await();
        db.close();
    }
}
