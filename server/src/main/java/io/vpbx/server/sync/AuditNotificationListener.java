package io.vpbx.server.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.store.jdbc.JdbcAuditStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears, on PostgreSQL, the notification each audit entry sends when its transaction commits
 * ({@link JdbcAuditStore#NOTIFY_CHANNEL}) and wakes the {@link AuditLogFollower}, so that an admin change made
 * through another node is here in milliseconds rather than at the next poll (docs/adr/0033). It holds one
 * connection of its own, outside the pool (LISTEN is per session and the pool's connections come and go).
 *
 * <p>The notification only says "read the log now"; the log stays the one source of what changed, and the timed
 * rounds go on as the safety net. So nothing is lost while the connection is down: after every (re)connect the
 * follower is woken once for what was committed meanwhile. A connection that stops answering (a black-holed
 * database) is found by a {@code SELECT 1} every {@link #PING_EVERY} under a network timeout, and replaced.
 *
 * <p>Metrics: {@code vpbx.cluster.notifications} (heard), {@code vpbx.cluster.listen.failures} (connections lost).
 */
public final class AuditNotificationListener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(AuditNotificationListener.class);
    /** How long one wait for notifications blocks: also how soon {@link #close()} is noticed. */
    private static final int WAIT_MILLIS = 250;
    static final Duration PING_EVERY = Duration.ofSeconds(10);
    private static final int NETWORK_TIMEOUT_MILLIS = 5_000;
    private static final Duration RETRY_FIRST = Duration.ofMillis(500);
    private static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private final String url;
    private final String user;
    private final String password;
    private final Runnable wake;
    private final Counter heard;
    private final Counter failures;
    private volatile boolean closed;
    private Thread thread;

    /**
     * @param url a {@code jdbc:postgresql:} URL of the shared database
     * @param wake what to run when an entry was committed (the follower's {@link AuditLogFollower#wake()}); must not block
     */
    public AuditNotificationListener(String url, String user, String password, Runnable wake, MeterRegistry registry) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.wake = wake;
        this.heard = Counter.builder("vpbx.cluster.notifications")
                .description("audit notifications heard from the database (LISTEN), each waking the log follower").register(registry);
        this.failures = Counter.builder("vpbx.cluster.listen.failures")
                .description("listener connections lost or refused; polling goes on meanwhile").register(registry);
    }

    public synchronized void start() {
        thread = Thread.ofPlatform().name("vpbx-audit-listener").daemon().start(this::run);
    }

    private void run() {
        Duration retry = RETRY_FIRST;
        while (!closed) {
            try (Connection connection = DriverManager.getConnection(url, user, password)) {
                connection.setAutoCommit(true);
                connection.setNetworkTimeout(Runnable::run, NETWORK_TIMEOUT_MILLIS);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + JdbcAuditStore.NOTIFY_CHANNEL);
                }
                log.info("listening for audit notifications on {}", JdbcAuditStore.NOTIFY_CHANNEL);
                retry = RETRY_FIRST;
                wake.run(); // what was committed while this node had no listener
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                failures.increment();
                log.warn("listening for audit notifications failed ({}); polling goes on, retrying in {} ms", e.getMessage(),
                        retry.toMillis());
                sleep(retry);
                retry = retry.multipliedBy(2).compareTo(RETRY_MAX) > 0 ? RETRY_MAX : retry.multipliedBy(2);
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long nextPing = System.nanoTime() + PING_EVERY.toNanos();
        while (!closed) {
            PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                heard.increment(notifications.length);
                wake.run();
            } else if (System.nanoTime() - nextPing > 0) {
                try (Statement ping = connection.createStatement()) {
                    ping.execute("SELECT 1");
                }
                nextPing = System.nanoTime() + PING_EVERY.toNanos();
            }
        }
    }

    private void sleep(Duration pause) {
        try {
            TimeUnit.MILLISECONDS.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            return;
        }
        running.interrupt();
        try {
            running.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
