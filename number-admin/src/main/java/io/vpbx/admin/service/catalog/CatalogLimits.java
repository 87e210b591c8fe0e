package io.vpbx.admin.service.catalog;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.limits.AccountLimits;
import io.vpbx.admin.domain.limits.LimitExceededException;
import io.vpbx.admin.domain.limits.LimitSettings;
import io.vpbx.admin.store.AccountLimitStore;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.config.LimitsConfig;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The catalog's limits per account, checked inside the reservation's or purchase's own transaction (OWASP API6,
 * sensitive business flows): the account's row is locked first, so two requests of one account take turns and
 * cannot both take the last slot; what they count is what the committed ones left.
 */
public final class CatalogLimits {
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private final AccountStore accounts;
    private final AccountLimitStore limits;
    private final LimitsConfig defaults;
    private final MeterRegistry registry;

    public CatalogLimits(AccountStore accounts, AccountLimitStore limits, LimitsConfig defaults, MeterRegistry registry) {
        this.accounts = accounts;
        this.limits = limits;
        this.defaults = defaults;
        this.registry = registry;
    }

    /** The limits in force for the account. */
    public AccountLimits of(Tx tx, String accountId) throws SQLException {
        return AccountLimits.of(limits.find(tx, accountId).orElse(LimitSettings.DEFAULTS), defaults);
    }

    /**
     * Locks the account's row until the transaction ends: first thing in a reservation or purchase, before any number
     * is locked, so that every such transaction takes its locks in the same order.
     */
    public void lockAccount(Tx tx, String accountId) throws SQLException {
        if (accounts.lock(tx, accountId).isEmpty()) {
            throw new NotFoundException("account " + accountId);
        }
    }

    /** Refuses (409) a reservation that would leave the account holding more than its limit; the account is locked. */
    public void checkReservation(Tx tx, String accountId, int adding, Instant now) throws SQLException {
        int max = of(tx, accountId).maxReservedNumbers();
        int held = limits.reservedNumbers(tx, accountId, now);
        if (held + adding > max) {
            throw exceeded(new LimitExceededException(LimitExceededException.Kind.HOLDING, "max_reserved_numbers", max, 0,
                    "this account may hold at most " + max + " numbers in reservations; it holds " + held + " and asked for "
                            + adding + ": buy or release some first"));
        }
    }

    /** Refuses (429 with Retry-After) a purchase that would take the account over its hourly or daily purchases; the account is locked. */
    public void checkPurchase(Tx tx, String accountId, int buying, Instant now) throws SQLException {
        AccountLimits in = of(tx, accountId);
        window(tx, accountId, buying, now, HOUR, "purchases_per_hour", in.purchasesPerHour());
        window(tx, accountId, buying, now, DAY, "purchases_per_day", in.purchasesPerDay());
    }

    /** Counts the numbers just bought towards the purchase windows. */
    public void recordPurchases(Tx tx, String accountId, List<String> e164s, Instant now) throws SQLException {
        for (String e164 : e164s) {
            limits.recordPurchase(tx, accountId, e164, now);
        }
    }

    private void window(Tx tx, String accountId, int buying, Instant now, Duration length, String name, int max)
            throws SQLException {
        Instant since = now.minus(length);
        int bought = limits.purchasesSince(tx, accountId, since);
        if (bought + buying <= max) {
            return;
        }
        long retryAfter = limits.firstPurchaseSince(tx, accountId, since)
                .map(first -> Duration.between(now, first.plus(length)).toSeconds() + 1)
                .orElse(length.toSeconds());
        throw exceeded(new LimitExceededException(LimitExceededException.Kind.RATE, name, max, Math.max(1, retryAfter),
                "this account may buy at most " + max + " numbers per " + (length.equals(HOUR) ? "hour" : "day") + "; it bought "
                        + bought + " in that time and asked for " + buying));
    }

    private LimitExceededException exceeded(LimitExceededException e) {
        Counter.builder("vpbx.limits.exceeded").description("requests refused by a per-account limit")
                .tag("limit", e.limit()).register(registry).increment();
        return e;
    }
}
