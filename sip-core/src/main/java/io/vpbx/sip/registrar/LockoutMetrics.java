package io.vpbx.sip.registrar;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts digest failures, locks and refused attempts, and logs each lock as it begins. */
public final class LockoutMetrics implements DigestLockout.Events {
    private static final Logger log = LoggerFactory.getLogger(LockoutMetrics.class);

    private final Counter failures;
    private final Counter sourceLocks;
    private final Counter usernameLocks;
    private final Counter refused;

    public LockoutMetrics(MeterRegistry registry) {
        this.failures = Counter.builder("vpbx.sip.digest.failures")
                .description("digest authentications that failed (wrong password, unknown user, realm mismatch)").register(registry);
        this.sourceLocks = Counter.builder("vpbx.sip.digest.lockouts").tag("scope", "source")
                .description("usernames locked for one source address after repeated failures").register(registry);
        this.usernameLocks = Counter.builder("vpbx.sip.digest.lockouts").tag("scope", "username")
                .description("usernames locked for every source after repeated failures").register(registry);
        this.refused = Counter.builder("vpbx.sip.digest.locked.attempts")
                .description("attempts answered with a challenge because their username was locked").register(registry);
    }

    @Override
    public void failed(String source, String username) {
        failures.increment();
    }

    @Override
    public void locked(DigestLockout.Scope scope, String source, String username, Instant until) {
        if (scope == DigestLockout.Scope.SOURCE) {
            sourceLocks.increment();
            log.warn("SIP username '{}' locked for source {} until {} after repeated digest failures", printable(username), source,
                    until);
        } else {
            usernameLocks.increment();
            log.warn("SIP username '{}' locked for every source until {} after repeated digest failures (last from {})",
                    printable(username), until, source);
        }
    }

    @Override
    public void refused(String source, String username) {
        refused.increment();
    }

    /** The username as a log line may carry it: control characters escaped, at most 64 characters. */
    static String printable(String username) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < username.length() && i < 64; i++) {
            char c = username.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return username.length() > 64 ? out + "..." : out.toString();
    }
}
