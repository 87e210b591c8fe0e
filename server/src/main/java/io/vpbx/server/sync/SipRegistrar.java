package io.vpbx.server.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.service.audit.ChangeListener;
import io.vpbx.admin.store.StorageException;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.jdbc.JdbcSipAccountStore;
import io.vpbx.admin.store.jdbc.JdbcSipRegistrationStore;
import io.vpbx.config.RegistrarConfig;
import io.vpbx.sip.RegistrarService;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.DigestAlgorithm;
import io.vpbx.sip.registrar.DigestLockout;
import io.vpbx.sip.registrar.LockoutMetrics;
import io.vpbx.sip.registrar.NonceService;
import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.registrar.Registrar;
import io.vpbx.sip.registrar.RegistrarPolicy;
import io.vpbx.sip.routing.Location;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registrar side of a node, built in one place: employees' credentials in memory, the registrar
 * whose binding changes are written to the database off the SIP thread, and the periodic round that
 * applies other nodes' bindings. The SIP server answers REGISTER with {@link #service()}; call routing
 * reads employees' contacts from {@link #location()}.
 *
 * <p>Metric: {@code vpbx.sip.registrations}, the bindings held (other nodes' included).
 */
public final class SipRegistrar implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipRegistrar.class);
    private static final int STOP_WAIT_SECONDS = 5;

    private final RegistrarConfig config;
    private final String nodeId;
    private final SipCredentials credentials;
    private final Authenticator authenticator;
    private final RegistrationWriter writer;
    private final Registrar registrar;
    private final RegistrarService service;
    private final RegistrationSync sync;
    private final Transactions transactions;
    private ScheduledExecutorService rounds;

    public SipRegistrar(RegistrarConfig config, String realm, Transactions transactions, Clock clock, MeterRegistry registry) {
        this.config = config;
        this.nodeId = config.nodeId().isEmpty() ? "node-" + UUID.randomUUID() : config.nodeId();
        this.transactions = transactions;
        JdbcSipRegistrationStore registrations = new JdbcSipRegistrationStore();
        SecureRandom random = new SecureRandom();
        this.credentials = new SipCredentials(transactions, new JdbcSipAccountStore(), realm);
        this.writer = new RegistrationWriter(transactions, registrations, clock, nodeId, config.writeQueue(), registry);
        this.registrar = new Registrar(clock, new RegistrarPolicy(config.minExpires(), config.maxExpires(),
                config.defaultExpires(), config.maxContacts()), writer);
        RegistrarConfig.Lockout lockout = config.lockout();
        this.authenticator = new Authenticator(new NonceService(clock, random, config.nonceLifetime(), config.maxNonces()), random,
                config.digestAlgorithms().stream().map(name -> DigestAlgorithm.fromWireName(name).orElseThrow()).toList(),
                new DigestLockout(new DigestLockout.Policy(lockout.sourceFailures(), lockout.usernameFailures(), lockout.window(),
                        lockout.duration(), lockout.maxTracked()), clock, new LockoutMetrics(registry)));
        this.service = new RegistrarService(realm, authenticator, registrar, clock, credentials::find);
        this.sync = new RegistrationSync(transactions, registrations, registrar, clock, nodeId, config.syncLookback(),
                config.removalRetention());
        Gauge.builder("vpbx.sip.registrations", registrar, r -> r.location().bindingCount())
                .description("registered contacts held, other nodes' included").register(registry);
    }

    /** Told of admin changes: keeps the credentials in step with employees. */
    public ChangeListener changeListener() {
        return credentials;
    }

    /** Loads credentials and unexpired bindings, then starts the writer and the periodic sync rounds. */
    public void start() {
        start(transactions);
    }

    /**
     * As {@link #start()}, loading from {@code from}: the routing snapshot when the database is down at start (the
     * writer still writes to the database, holding what it cannot write until it answers).
     */
    public void start(Transactions from) {
        credentials.loadAll(from);
        sync.loadUnexpired(from);
        writer.start();
        rounds = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vpbx-registration-sync");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.syncInterval().toMillis();
        rounds.scheduleWithFixedDelay(this::syncRound, interval, interval, TimeUnit.MILLISECONDS);
        log.info("registrar started as node {}", nodeId);
    }

    private void syncRound() {
        try {
            sync.syncOnce();
        } catch (StorageException e) {
            log.debug("registration sync failed; retrying at the next interval: {}", e.getMessage());
        } catch (RuntimeException e) {
            log.warn("registration sync failed; retrying at the next interval", e);
        }
    }

    public RegistrarService service() {
        return service;
    }

    /** Digest authentication as configured (algorithms, nonces), for employees' calls as for their registrations. */
    public Authenticator authenticator() {
        return authenticator;
    }

    /** Employees' SIP accounts by username, from memory: what their phones authenticate calls with. */
    public Optional<StoredCredentials> credentials(String username) {
        return credentials.find(username);
    }

    /** Employees' registered contacts, highest q first, for call routing. */
    public Location location() {
        return service.location();
    }

    public String nodeId() {
        return nodeId;
    }

    /** Loads credentials and bindings from the database again: the catch-up after a start from the snapshot. */
    public void reload() {
        credentials.loadAll();
        sync.loadUnexpired();
    }

    /** One sync round now, as the schedule would run it: what tests call instead of waiting for the interval. */
    public int syncOnce() {
        return sync.syncOnce();
    }

    /** Writes every binding change queued so far: tests call it to know the database has them. */
    public void flushWrites() {
        while (writer.drainOnce() > 0) {
            // keep going until the queue is empty
        }
    }

    /** Stops the sync rounds, then writes what is queued. Call it after the SIP server has stopped. */
    @Override
    public void close() {
        if (rounds != null) {
            rounds.shutdownNow();
            try {
                rounds.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writer.close();
    }
}
