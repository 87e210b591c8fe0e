package io.vpbx.admin.service.catalog;

import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.Reservation;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.ReservationStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Returns numbers to the catalog when their time is up: expired reservations and ended quarantines.
 * Run periodically by the server's scheduler; each run works in batches, each batch one transaction.
 * Time comes from the injected clock, so tests move it instead of waiting.
 */
public final class LifecycleSweeper {
    private static final Logger log = LoggerFactory.getLogger(LifecycleSweeper.class);
    private static final int BATCH = 500;

    public record Swept(int reservationsExpired, int quarantinesEnded) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final ReservationStore reservations;
    private final NumberLifecycle lifecycle;
    private final Auditor auditor;
    private final Clock clock;

    public LifecycleSweeper(Transactions transactions, NumberStore numbers, ReservationStore reservations,
                            NumberLifecycle lifecycle, Auditor auditor, Clock clock) {
        this.transactions = transactions;
        this.numbers = numbers;
        this.reservations = reservations;
        this.lifecycle = lifecycle;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Swept sweepOnce() {
        int expired = sweep(NumberState.RESERVED, LifecycleEvent.RESERVATION_EXPIRED, "number.reservation_expired");
        int ended = sweep(NumberState.DISCONNECTED, LifecycleEvent.QUARANTINE_ENDED, "number.quarantine_ended");
        if (expired + ended > 0) {
            log.info("returned {} numbers from expired reservations and {} from quarantine to the catalog", expired, ended);
        }
        return new Swept(expired, ended);
    }

    private int sweep(NumberState state, LifecycleEvent event, String action) {
        int total = 0;
        while (true) {
            int done = transactions.inTransaction(tx -> {
                Instant now = clock.instant();
                RequestContext ctx = RequestContext.system("sweep-" + UUID.randomUUID());
                List<NumberRecord> due = numbers.lockExpired(tx, state, now, BATCH);
                Set<String> closedReservations = new HashSet<>();
                for (NumberRecord record : due) {
                    lifecycle.apply(record.state(), event);
                    numbers.save(tx, record.cleared(now));
                    auditor.record(tx, ctx, record.accountId(), action, "number", record.e164(),
                            new Changes().field("state", record.state().wireName(), NumberState.AVAILABLE.wireName())
                                    .field("account_id", record.accountId(), null).list());
                    if (record.reservationId() != null && closedReservations.add(record.reservationId())) {
                        reservations.updateStatus(tx, record.reservationId(), Reservation.Status.EXPIRED);
                    }
                }
                return due.size();
            });
            total += done;
            if (done < BATCH) {
                return total;
            }
        }
    }
}
