package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.people.Backoff;
import io.vpbx.admin.domain.people.FailureCount;
import io.vpbx.admin.store.SignInStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The growing wait after failed passwords and codes (ADR 0030), counted in the database so that every node sees
 * it: per e-mail address (the user, or a guess at one: an unknown address is counted like a known one, so that the
 * wait tells nothing) and per source address. A count is forgotten a day after its last failure; a successful
 * sign-in clears the address's count, never the source's (a guesser must not reset it with an account of their own).
 */
public final class SignInThrottle {
    static final Duration FORGET_AFTER = Duration.ofDays(1);

    private final SignInStore store;
    private final Backoff backoff;
    private final Clock clock;

    public SignInThrottle(SignInStore store, Backoff backoff, Clock clock) {
        this.store = store;
        this.backoff = backoff;
        this.clock = clock;
    }

    public static String email(String address) {
        return "email:" + address.toLowerCase(Locale.ROOT);
    }

    public static String source(String ip) {
        return "source:" + ip;
    }

    /** Whole seconds the longest-waiting subject must still wait; 0 when all may try now. */
    public long waitSeconds(Tx tx, List<String> subjects) throws SQLException {
        Instant now = clock.instant();
        long wait = 0;
        for (String subject : subjects) {
            Optional<FailureCount> count = store.failures(tx, subject);
            if (count.isPresent()) {
                wait = Math.max(wait, count.get().waitSeconds(now));
            }
        }
        return wait;
    }

    /** Counts one failure for each subject and sets when each may try again. */
    public void failed(Tx tx, List<String> subjects) throws SQLException {
        Instant now = clock.instant();
        for (String subject : subjects) {
            int before = store.failures(tx, subject)
                    .filter(count -> count.lastFailureAt().plus(FORGET_AFTER).isAfter(now))
                    .map(FailureCount::failures).orElse(0);
            int failures = before + 1;
            Duration wait = backoff.after(failures);
            store.saveFailures(tx, new FailureCount(subject, failures, now, wait.isZero() ? null : now.plus(wait)));
        }
    }

    public void succeeded(Tx tx, String subject) throws SQLException {
        store.clearFailures(tx, subject);
    }

    /** Forgets counts a day old whose wait is over: run with the maintenance. */
    public int purge(Tx tx) throws SQLException {
        return store.purgeFailures(tx, clock.instant().minus(FORGET_AFTER));
    }
}
