package io.vpbx.sip.registrar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Locks a SIP username after repeated digest failures (toll-fraud control), in two steps so that one attacker
 * cannot easily lock a legitimate phone out from elsewhere:
 * <ol>
 *   <li>{@code sourceFailures} failures for one username from one source address within {@code window} lock that
 *       pair for {@code lockFor}: the guesser is stopped, the phone at its own address is not;</li>
 *   <li>{@code usernameFailures} failures for the username from all sources within {@code window} lock the
 *       username everywhere for {@code lockFor} (a distributed guess). Attempts refused by a pair lock are not
 *       counted here, so one address adds at most {@code sourceFailures} per lock to this count.</li>
 * </ol>
 * Unknown usernames are counted exactly like known ones, so a lock says nothing about which users exist. A
 * success clears its pair's count. Windows are fixed, from the first failure. At most {@code maxTracked} counts
 * are held; a full table drops every count that is not a lock in force.
 */
public final class DigestLockout {

    /** Where a lock applies. */
    public enum Scope { SOURCE, USERNAME }

    /** Told of failures and of each lock as it begins: metrics and the log. */
    public interface Events {
        Events NONE = new Events() { };

        default void failed(String source, String username) { }

        default void locked(Scope scope, String source, String username, Instant until) { }

        default void refused(String source, String username) { }
    }

    /**
     * @param sourceFailures   failures of one username from one source that lock the pair; 0 turns this off
     * @param usernameFailures failures of one username from all sources that lock it everywhere; 0 turns this off
     */
    public record Policy(int sourceFailures, int usernameFailures, Duration window, Duration lockFor, int maxTracked) {
        public Policy {
            if (sourceFailures < 0 || usernameFailures < 0 || maxTracked < 1) {
                throw new IllegalArgumentException("failure counts must be >= 0 and max tracked >= 1");
            }
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(lockFor, "lockFor");
        }

        public static Policy off() {
            return new Policy(0, 0, Duration.ofMinutes(1), Duration.ofMinutes(1), 1);
        }
    }

    private static final class Count {
        final Instant windowStart;
        int failures;
        Instant lockedUntil;

        Count(Instant windowStart) {
            this.windowStart = windowStart;
        }
    }

    private final Policy policy;
    private final Clock clock;
    private final Events events;
    private final Map<String, Count> counts = new ConcurrentHashMap<>();

    public DigestLockout(Policy policy, Clock clock, Events events) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Whether attempts for {@code username} from {@code source} are refused now, whatever their credentials. */
    public boolean locked(String source, String username) {
        Instant now = clock.instant();
        return lockedNow(pairKey(source, username), now) || lockedNow(userKey(username), now);
    }

    /** Counts a failed attempt that was not refused by a lock. */
    public void failed(String source, String username) {
        Instant now = clock.instant();
        events.failed(source, username);
        count(pairKey(source, username), policy.sourceFailures(), now, Scope.SOURCE, source, username);
        count(userKey(username), policy.usernameFailures(), now, Scope.USERNAME, source, username);
    }

    /** An attempt refused because of a lock (counted apart; it extends nothing). */
    public void refused(String source, String username) {
        events.refused(source, username);
    }

    /** A success from the source: its pair count starts again. The username's count stays until its window ends. */
    public void succeeded(String source, String username) {
        counts.computeIfPresent(pairKey(source, username), (key, count) -> count.lockedUntil == null ? null : count);
    }

    private void count(String key, int limit, Instant now, Scope scope, String source, String username) {
        if (limit == 0) {
            return;
        }
        if (!counts.containsKey(key) && counts.size() >= policy.maxTracked()) {
            counts.values().removeIf(count -> count.lockedUntil == null || !now.isBefore(count.lockedUntil));
        }
        Instant[] lockedUntil = new Instant[1];
        counts.compute(key, (k, old) -> {
            Count count = old == null || expired(old, now) ? new Count(now) : old;
            count.failures++;
            if (count.failures >= limit && (count.lockedUntil == null || !now.isBefore(count.lockedUntil))) {
                count.lockedUntil = now.plus(policy.lockFor());
                lockedUntil[0] = count.lockedUntil;
            }
            return count;
        });
        if (lockedUntil[0] != null) {
            events.locked(scope, source, username, lockedUntil[0]);
        }
    }

    private boolean lockedNow(String key, Instant now) {
        Count count = counts.get(key);
        return count != null && count.lockedUntil != null && now.isBefore(count.lockedUntil);
    }

    /** A count ends with its window, or with its lock if that is later. */
    private boolean expired(Count count, Instant now) {
        Instant end = count.windowStart.plus(policy.window());
        if (count.lockedUntil != null && count.lockedUntil.isAfter(end)) {
            end = count.lockedUntil;
        }
        return !now.isBefore(end);
    }

    private static String pairKey(String source, String username) {
        return "s\u0000" + source + "\u0000" + username;
    }

    private static String userKey(String username) {
        return "u\u0000" + username;
    }
}
