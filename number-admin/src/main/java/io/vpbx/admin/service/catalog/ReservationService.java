package io.vpbx.admin.service.catalog;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.Reservation;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.ReservationStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Holding numbers for one account for a while (default 30 minutes) before it buys them. */
public final class ReservationService {
    public static final int MAX_NUMBERS = 100;

    /** A reservation with its numbers. */
    public record ReservationView(Reservation reservation, Reservation.Status status, List<NumberRecord> numbers) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final ReservationStore reservations;
    private final NumberLifecycle lifecycle;
    private final NumberInputs inputs;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration ttl;
    private final CatalogLimits limits;

    public ReservationService(Transactions transactions, NumberStore numbers, ReservationStore reservations,
                              NumberLifecycle lifecycle, NumberInputs inputs, Auditor auditor, Clock clock, Duration ttl,
                              CatalogLimits limits) {
        this.limits = limits;
        this.transactions = transactions;
        this.numbers = numbers;
        this.reservations = reservations;
        this.lifecycle = lifecycle;
        this.inputs = inputs;
        this.auditor = auditor;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** Reserves all the numbers or none: any that is not available is listed in the 409. */
    public ReservationView reserve(RequestContext ctx, List<String> requested) {
        String accountId = ctx.accountId();
        List<String> e164s = inputs.list("numbers", requested, MAX_NUMBERS);
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            limits.lockAccount(tx, accountId);
            limits.checkReservation(tx, accountId, e164s.size(), now);
            List<NumberRecord> locked = numbers.lock(tx, e164s);
            Set<String> found = locked.stream().map(NumberRecord::e164).collect(Collectors.toSet());
            List<String> blockers = new ArrayList<>();
            e164s.stream().filter(n -> !found.contains(n)).forEach(n -> blockers.add(n + " is not in the catalog"));
            locked.stream().filter(r -> !reservable(r, now)).forEach(r -> blockers.add(r.e164() + " is not available"));
            if (!blockers.isEmpty()) {
                throw new ConflictException("some numbers cannot be reserved; nothing was reserved", blockers);
            }
            Reservation reservation = new Reservation(UUID.randomUUID().toString(), accountId, now, now.plus(ttl),
                    Reservation.Status.OPEN);
            reservations.create(tx, reservation);
            List<NumberRecord> held = new ArrayList<>();
            for (NumberRecord record : locked) {
                NumberState from = record.state() == NumberState.RESERVED ? NumberState.AVAILABLE : record.state();
                NumberRecord next = record.withState(lifecycle.apply(from, LifecycleEvent.RESERVE), now)
                        .withReservation(accountId, reservation.id(), reservation.expiresAt());
                numbers.save(tx, next);
                held.add(next);
            }
            auditor.record(tx, ctx, accountId, "reservation.created", "reservation", reservation.id(),
                    new Changes().field("numbers", null, array(e164s))
                            .field("expires_at", null, reservation.expiresAt().toString()).list());
            return new ReservationView(reservation, reservation.status(), held);
        });
    }

    public ReservationView get(RequestContext ctx, String reservationId) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> {
            Reservation reservation = reservations.find(tx, accountId, reservationId)
                    .orElseThrow(() -> new NotFoundException("reservation " + reservationId));
            return new ReservationView(reservation, reservation.effectiveStatus(clock.instant()),
                    numbers.lockReservation(tx, reservationId));
        });
    }

    /** Gives the numbers back to the catalog before the reservation expires. */
    public void release(RequestContext ctx, String reservationId) {
        String accountId = ctx.accountId();
        transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            Reservation reservation = reservations.find(tx, accountId, reservationId)
                    .orElseThrow(() -> new NotFoundException("reservation " + reservationId));
            if (reservation.effectiveStatus(now) != Reservation.Status.OPEN) {
                throw new ConflictException("reservation " + reservationId + " is " + reservation.effectiveStatus(now).wireName());
            }
            List<String> released = new ArrayList<>();
            for (NumberRecord record : numbers.lockReservation(tx, reservationId)) {
                lifecycle.apply(record.state(), LifecycleEvent.RELEASE);
                numbers.save(tx, record.cleared(now));
                released.add(record.e164());
            }
            reservations.updateStatus(tx, reservationId, Reservation.Status.RELEASED);
            auditor.record(tx, ctx, accountId, "reservation.released", "reservation", reservationId,
                    new Changes().field("numbers", array(released), null).field("status", "open", "released").list());
            return null;
        });
    }

    private static boolean reservable(NumberRecord record, Instant now) {
        return record.state() == NumberState.AVAILABLE
                || (record.state() == NumberState.RESERVED && record.reservedUntil() != null && !now.isBefore(record.reservedUntil()));
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
