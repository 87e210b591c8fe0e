package io.vpbx.server.sync;

import io.vpbx.admin.domain.staff.SipRegistration;
import io.vpbx.admin.store.SipRegistrationStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.sip.registrar.ContactBinding;
import io.vpbx.sip.registrar.Registrar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this node's registrar in step with the database the nodes share. At startup every unexpired row
 * is loaded, whichever node wrote it, so bindings survive a restart. Then each {@link #syncOnce()} reads
 * the rows changed since the newest change seen, less a lookback for rows committed late or stamped by a
 * lagging clock, and applies those of other nodes (re-reading a row does no harm); it also drops expired
 * bindings from memory and, past the retention, removal rows from the database.
 *
 * <p>Nodes order changes to one binding by the time the writer stamped them, last writer wins: a phone
 * registers with one node at a time, so races need a phone that moves between nodes within a sync round.
 */
final class RegistrationSync {
    private static final Logger log = LoggerFactory.getLogger(RegistrationSync.class);

    private final Transactions transactions;
    private final SipRegistrationStore store;
    private final Registrar registrar;
    private final Clock clock;
    private final String nodeId;
    private final Duration lookback;
    private final Duration retention;
    /** The newest change seen (at first: now); moved only under this object's lock. */
    private Instant newestSeen;

    RegistrationSync(Transactions transactions, SipRegistrationStore store, Registrar registrar, Clock clock, String nodeId,
                     Duration lookback, Duration retention) {
        this.transactions = transactions;
        this.store = store;
        this.registrar = registrar;
        this.clock = clock;
        this.nodeId = nodeId;
        this.lookback = lookback;
        this.retention = retention;
        this.newestSeen = clock.instant();
    }

    /** Loads the unexpired bindings of every node; returns how many. */
    synchronized int loadUnexpired() {
        return loadUnexpired(transactions);
    }

    /** Loads the unexpired bindings from {@code from}: the database, or the routing snapshot when it is down. */
    synchronized int loadUnexpired(Transactions from) {
        Instant now = clock.instant();
        newestSeen = now;
        long start = System.nanoTime();
        int count = from.inTransaction(tx -> store.unexpired(tx, now, this::apply));
        log.info("registrations loaded: {} bindings in {} ms", count, (System.nanoTime() - start) / 1_000_000);
        return count;
    }

    /**
     * One round: applies other nodes' changes, drops expired bindings, purges old removal rows. Returns how
     * many changes of other nodes it applied.
     */
    synchronized int syncOnce() {
        Instant since = newestSeen.minus(lookback);
        int[] applied = {0};
        transactions.inTransaction(tx -> store.changedSince(tx, since, row -> {
            if (row.updatedAt().isAfter(newestSeen)) {
                newestSeen = row.updatedAt();
            }
            if (!nodeId.equals(row.nodeId())) {
                apply(row);
                applied[0]++;
            }
        }));
        registrar.pruneExpired();
        Instant cutoff = clock.instant().minus(retention);
        transactions.inTransaction(tx -> store.deleteExpiredBefore(tx, cutoff));
        return applied[0];
    }

    private void apply(SipRegistration row) {
        Instant expiresAt = row.isRemoval() ? Instant.EPOCH : row.expiresAt();
        registrar.replicate(row.employeeId(), new ContactBinding(row.contactUri(), row.callId(), row.cseq(), expiresAt, row.q(),
                row.instance(), row.received()));
    }
}
