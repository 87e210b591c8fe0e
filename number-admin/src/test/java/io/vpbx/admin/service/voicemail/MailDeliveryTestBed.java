package io.vpbx.admin.service.voicemail;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.mail.MailSender;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import io.vpbx.admin.store.jdbc.JdbcEmployeeStore;
import io.vpbx.admin.store.jdbc.JdbcMailQueueStore;
import io.vpbx.admin.store.jdbc.JdbcVoicemailStore;
import io.vpbx.telephony.voicemail.NewVoicemail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * The voicemail service and the mail worker over a fresh H2 database, wired as AdminModule wires them, with a clock
 * the test moves, an account (acc-1) and the sender the test gives (SMTP to GreenMail, or the development outbox).
 */
final class MailDeliveryTestBed implements AutoCloseable {
    static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    static final Duration RETRY_BASE = Duration.ofSeconds(30);
    static final Duration RETRY_MAX = Duration.ofMinutes(30);
    static final Duration GIVE_UP_AFTER = Duration.ofHours(2);

    final TestDatabases.TestDatabase db;
    final MovableClock clock = new MovableClock(T0);
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final JdbcVoicemailStore voicemailStore = new JdbcVoicemailStore();
    final JdbcMailQueueStore queue = new JdbcMailQueueStore();
    final JdbcEmployeeStore employees = new JdbcEmployeeStore();
    final VoicemailService voicemails;
    final MailDeliveryWorker worker;

    /** {@code sender} is made on the bed's clock; {@code random} is the backoff's jitter, in [0, 1). */
    MailDeliveryTestBed(Function<Clock, MailSender> sender, DoubleSupplier random) {
        this("h2", sender, random);
    }

    /** On {@code kind}'s database ("h2" or "postgresql"). */
    MailDeliveryTestBed(String kind, Function<Clock, MailSender> sender, DoubleSupplier random) {
        db = TestDatabases.of(kind);
        voicemails = new VoicemailService(db.database(), voicemailStore, queue, new Auditor(new JdbcAuditStore(JsonMappers.create()), clock),
                clock, Duration.ofDays(30));
        worker = worker(sender.apply(clock), random, registry);
        db.database().inTransaction(tx -> {
            new JdbcAccountStore().create(tx, new Account("acc-1", "Acme", T0));
            return null;
        });
    }

    /** A worker on this bed's database, as another node would run one. */
    MailDeliveryWorker worker(MailSender sender, DoubleSupplier random, MeterRegistry meters) {
        return new MailDeliveryWorker(db.database(), queue, voicemailStore, employees, sender,
                new RetrySchedule(RETRY_BASE, RETRY_MAX, GIVE_UP_AFTER, random), Duration.ofSeconds(5), clock, meters);
    }

    void employee(String id, String extension, String email) {
        db.database().inTransaction(tx -> {
            employees.create(tx, new Employee(id, "acc-1", "Employee " + id, extension, "user-" + id, DigestCredentials.derive("user-" + id, "vpbx", "password-" + id), null, email, T0, T0));
            return null;
        });
    }

    String store(byte[] wav, String... recipients) {
        return voicemails.store(new NewVoicemail("acc-1", "+74951230001", "+79161234567", "call-1@10.0.0.1", T0.minusSeconds(20),
                Duration.ofMillis(12_400), wav, List.of(recipients))).id();
    }

    List<MailDelivery> deliveries(String voicemailId) {
        return db.database().inTransaction(tx -> queue.ofVoicemail(tx, voicemailId));
    }

    double count(String outcome) {
        return registry.get("vpbx.mail.deliveries").tag("outcome", outcome).counter().count();
    }

    @Override
    public void close() {
        worker.close();
        db.close();
    }

    /** A clock the test moves forward. */
    static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            now = new AtomicReference<>(start);
        }

        void advance(Duration by) {
            now.updateAndGet(t -> t.plus(by));
        }

        void set(Instant at) {
            now.set(at);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }
}
