package io.vpbx.sip.proxy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.routing.AccountCallLimits;
import io.vpbx.sip.routing.DestinationPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The toll-fraud counters of every account, on the SIP event loop (no locks, no database): calls at once and
 * calls started in the last minute, in and out together. A call is admitted once by its Call-ID (a spiral through
 * us is not counted twice) and released once when its record is written, whatever ended it (BYE, CANCEL, failure,
 * timeout, the duration limit); a sweep releases calls whose end never came our way.
 *
 * <p>Refusals are RFC 3261 answers a carrier and a phone understand: the account's calls at once are its lines,
 * all busy: 486 Busy Here (a carrier does not try another route for it); too many calls per minute is temporary:
 * 503 with Retry-After (section 21.5.4); a destination not allowed: 403 (section 21.4.4). Each names the limit in
 * its reason phrase and in a Warning (399, section 20.43).
 */
final class CallAdmission {
    private static final Logger log = LoggerFactory.getLogger(CallAdmission.class);
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** A call still admitted this long after its account's duration limit lost its end: released by the sweep. */
    private static final Duration LOST_AFTER = Duration.ofMinutes(5);

    /** A refusal: the SIP answer and the limit it names. */
    record Refusal(int status, String reason, String limit, long retryAfterSeconds) {
        String[] headers(String warnAgent) {
            String warning = "399 " + warnAgent + " \"" + limit + "\"";
            return retryAfterSeconds > 0
                    ? new String[] {"Warning", warning, "Retry-After", Long.toString(retryAfterSeconds)}
                    : new String[] {"Warning", warning};
        }
    }

    private record Admitted(String accountId, Instant at, Duration maxDuration) {
    }

    private static final class AccountCalls {
        int active;
        final ArrayDeque<Instant> starts = new ArrayDeque<>();
    }

    private final Clock clock;
    private final Map<String, AccountCalls> accounts = new HashMap<>();
    private final Map<String, Admitted> calls = new HashMap<>();
    private final MeterRegistry registry;

    CallAdmission(Clock clock, MeterRegistry registry) {
        this.clock = clock;
        this.registry = registry;
    }

    /** Admits the call for the account, or says which limit refuses it. */
    Refusal admit(String callId, String accountId, AccountCallLimits limits) {
        if (accountId == null || calls.containsKey(callId)) {
            return null;
        }
        Instant now = clock.instant();
        AccountCalls account = accounts.computeIfAbsent(accountId, id -> new AccountCalls());
        Instant windowStart = now.minus(MINUTE);
        while (!account.starts.isEmpty() && !account.starts.peekFirst().isAfter(windowStart)) {
            account.starts.pollFirst();
        }
        if (account.active >= limits.concurrentCalls()) {
            forgetIfIdle(accountId, account);
            return refused(accountId, new Refusal(486, "Busy Here (account limit of " + limits.concurrentCalls()
                    + " concurrent calls)", "concurrent_calls", 0));
        }
        if (account.starts.size() >= limits.callsPerMinute()) {
            long retry = account.starts.isEmpty() ? 60
                    : Math.max(1, Duration.between(now, account.starts.peekFirst().plus(MINUTE)).toSeconds() + 1);
            forgetIfIdle(accountId, account);
            return refused(accountId, new Refusal(503, "Service Unavailable (account limit of " + limits.callsPerMinute()
                    + " calls per minute)", "calls_per_minute", retry));
        }
        account.active++;
        account.starts.addLast(now);
        calls.put(callId, new Admitted(accountId, now, limits.maxCallDuration()));
        return null;
    }

    /** Refuses a call out whose destination the account may not reach. */
    Refusal checkDestination(String accountId, DestinationPolicy policy, String callerNumber, String dialed) {
        DestinationPolicy.Refusal refusal = policy.check(callerNumber, dialed);
        if (refusal == null) {
            return null;
        }
        String limit = refusal == DestinationPolicy.Refusal.PREMIUM_RATE ? "allow_premium" : "allow_international";
        return refused(accountId, new Refusal(403, "Forbidden (" + refusal.text() + " not allowed for this account)", limit, 0));
    }

    /** The call ended (its record was written); nothing happens for a call never admitted or already released. */
    void release(String callId) {
        Admitted call = calls.remove(callId);
        if (call == null) {
            return;
        }
        AccountCalls account = accounts.get(call.accountId());
        if (account != null) {
            account.active--;
            forgetIfIdle(call.accountId(), account);
        }
    }

    /** Releases calls admitted longer ago than their duration limit and a margin: their end was lost. */
    int sweep() {
        Instant now = clock.instant();
        int lost = 0;
        for (Iterator<Map.Entry<String, Admitted>> it = calls.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Admitted> entry = it.next();
            Admitted call = entry.getValue();
            if (now.isAfter(call.at().plus(call.maxDuration()).plus(LOST_AFTER))) {
                it.remove();
                AccountCalls account = accounts.get(call.accountId());
                if (account != null) {
                    account.active--;
                }
                lost++;
            }
        }
        if (lost > 0) {
            log.warn("{} calls released by the sweep: their end never passed this proxy", lost);
        }
        return lost;
    }

    /** Calls of the account now admitted. */
    int active(String accountId) {
        AccountCalls account = accounts.get(accountId);
        return account == null ? 0 : account.active;
    }

    private void forgetIfIdle(String accountId, AccountCalls account) {
        if (account.active <= 0 && account.starts.isEmpty()) {
            accounts.remove(accountId);
        }
    }

    private Refusal refused(String accountId, Refusal refusal) {
        Counter.builder("vpbx.sip.limits.refused").description("calls refused by an account's toll-fraud limit")
                .tag("limit", refusal.limit()).register(registry).increment();
        log.info("call of account {} refused: {}", accountId, refusal.reason());
        return refusal;
    }
}
