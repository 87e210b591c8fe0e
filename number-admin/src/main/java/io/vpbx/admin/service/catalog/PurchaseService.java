package io.vpbx.admin.service.catalog;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.account.ApiKeys;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.Reservation;
import io.vpbx.admin.domain.lifecycle.LifecycleEvent;
import io.vpbx.admin.domain.lifecycle.NumberLifecycle;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.IdempotencyStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.ReservationStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Buying reserved numbers. Idempotent by the Idempotency-Key header: the first answer is stored in the
 * same transaction as the purchase and replayed to a retry; the same key with another request is a 422.
 * The numbers start as pending compliance: they become active when bound to a responsible end user.
 */
public final class PurchaseService {
    private static final int MAX_KEY_LENGTH = 128;

    /** Buy a reservation's numbers, or the listed numbers (reserved by this account). */
    public record PurchaseRequest(String reservationId, List<String> numbers) {
    }

    /** The answer: HTTP status and JSON body, fresh or replayed. */
    public record Answer(int status, String body, boolean replayed) {
    }

    private final Transactions transactions;
    private final NumberStore numbers;
    private final ReservationStore reservations;
    private final IdempotencyStore idempotency;
    private final NumberLifecycle lifecycle;
    private final NumberInputs inputs;
    private final Auditor auditor;
    private final Clock clock;
    private final CatalogLimits limits;

    public PurchaseService(Transactions transactions, NumberStore numbers, ReservationStore reservations,
                           IdempotencyStore idempotency, NumberLifecycle lifecycle, NumberInputs inputs, Auditor auditor,
                           Clock clock, CatalogLimits limits) {
        this.limits = limits;
        this.transactions = transactions;
        this.numbers = numbers;
        this.reservations = reservations;
        this.idempotency = idempotency;
        this.lifecycle = lifecycle;
        this.inputs = inputs;
        this.auditor = auditor;
        this.clock = clock;
    }

    public Answer purchase(RequestContext ctx, String idempotencyKey, PurchaseRequest request,
                           Function<List<NumberRecord>, String> render) {
        String accountId = ctx.accountId();
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw new InvalidFieldException("Idempotency-Key", "header is required (1.." + MAX_KEY_LENGTH + " characters) so that a retry cannot buy twice");
        }
        boolean byReservation = request.reservationId() != null;
        if (byReservation == (request.numbers() != null)) {
            throw new InvalidFieldException("reservation_id", "give either reservation_id or numbers, not both or neither");
        }
        List<String> e164s = byReservation ? List.of() : inputs.list("numbers", request.numbers(), ReservationService.MAX_NUMBERS);
        String requestHash = ApiKeys.hash(byReservation ? "reservation:" + request.reservationId()
                : "numbers:" + String.join(",", e164s.stream().sorted().toList()));
        return transactions.inTransaction(tx -> {
            Instant now = clock.instant();
            limits.lockAccount(tx, accountId);
            var previous = idempotency.claim(tx, accountId, idempotencyKey, requestHash, now);
            if (previous.isPresent()) {
                if (!previous.get().requestHash().equals(requestHash)) {
                    throw new InvalidFieldException("Idempotency-Key", "was already used for a different purchase request");
                }
                return new Answer(previous.get().status(), previous.get().body(), true);
            }
            List<NumberRecord> bought = buy(tx, ctx, accountId, byReservation ? request.reservationId() : null, e164s, now);
            String body = render.apply(bought);
            idempotency.complete(tx, accountId, idempotencyKey, 201, body);
            return new Answer(201, body, false);
        });
    }

    private List<NumberRecord> buy(Tx tx, RequestContext ctx, String accountId, String reservationId, List<String> e164s,
                                   Instant now) throws SQLException {
        List<NumberRecord> candidates;
        if (reservationId != null) {
            Reservation reservation = reservations.find(tx, accountId, reservationId)
                    .orElseThrow(() -> new NotFoundException("reservation " + reservationId));
            if (reservation.effectiveStatus(now) != Reservation.Status.OPEN) {
                throw new ConflictException("reservation " + reservationId + " is " + reservation.effectiveStatus(now).wireName()
                        + "; reserve the numbers again");
            }
            candidates = numbers.lockReservation(tx, reservationId);
            reservations.updateStatus(tx, reservationId, Reservation.Status.PURCHASED);
        } else {
            candidates = numbers.lock(tx, e164s);
        }
        List<String> blockers = new ArrayList<>();
        for (NumberRecord record : candidates) {
            boolean mine = record.state() == NumberState.RESERVED && accountId.equals(record.accountId())
                    && record.reservedUntil() != null && now.isBefore(record.reservedUntil());
            if (!mine) {
                blockers.add(record.e164() + " is not reserved by this account");
            }
        }
        if (candidates.size() < e164s.size() || candidates.isEmpty()) {
            blockers.add("some numbers are not in the catalog or the reservation holds none");
        }
        if (!blockers.isEmpty()) {
            throw new ConflictException("nothing was bought", blockers);
        }
        limits.checkPurchase(tx, accountId, candidates.size(), now);
        limits.recordPurchases(tx, accountId, candidates.stream().map(NumberRecord::e164).toList(), now);
        List<NumberRecord> bought = new ArrayList<>();
        for (NumberRecord record : candidates) {
            NumberRecord next = record.withState(lifecycle.apply(record.state(), LifecycleEvent.PURCHASE), now).withPurchase(now);
            numbers.save(tx, next);
            bought.add(next);
            auditor.record(tx, ctx, accountId, "number.purchased", "number", record.e164(),
                    new Changes().field("state", record.state().wireName(), next.state().wireName())
                            .field("connection_fee", null, record.price().connectionFee().amount().toPlainString())
                            .field("monthly_fee", null, record.price().monthlyFee().amount().toPlainString()).list());
        }
        return bought;
    }
}
