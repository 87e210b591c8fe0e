package io.vpbx.config;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * People who sign in to the web console (ADR 0030): where the console is reached, how long sessions, invitations
 * and one-time codes live, and how failed sign-ins slow down.
 *
 * @param baseUrl         the console's address as people reach it; invitation links start with it (console.base-url)
 * @param sessionIdle     a session unused this long ends (console.session-idle)
 * @param sessionMax      a session ends this long after sign-in whatever its use (console.session-max)
 * @param invitationTtl   an invitation link works this long (console.invitation-ttl)
 * @param codeTtl         a sign-in code works this long (console.code-ttl)
 * @param codeAttempts    wrong codes allowed per sign-in before it must start again (console.code-attempts)
 * @param lockoutAfter    failed attempts (passwords or codes) of one user or one source before delays begin
 *                        (console.lockout.after)
 * @param lockoutBase     the first delay, doubled by each further failure (console.lockout.base)
 * @param lockoutMax      the longest delay (console.lockout.max)
 * @param journalRetention how long login journal lines are kept (console.journal-retention)
 */
public record ConsoleConfig(URI baseUrl, Duration sessionIdle, Duration sessionMax, Duration invitationTtl, Duration codeTtl,
        int codeAttempts, int lockoutAfter, Duration lockoutBase, Duration lockoutMax, Duration journalRetention) {

    public ConsoleConfig {
        Objects.requireNonNull(baseUrl, "console.base-url");
        if (baseUrl.getScheme() == null || !(baseUrl.getScheme().equals("http") || baseUrl.getScheme().equals("https"))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("console.base-url: expected an http or https URL but got '" + baseUrl + "'");
        }
        Checks.requirePositive(sessionIdle, "console.session-idle");
        Checks.requirePositive(sessionMax, "console.session-max");
        Checks.requirePositive(invitationTtl, "console.invitation-ttl");
        Checks.requirePositive(codeTtl, "console.code-ttl");
        Checks.requireAtLeast(codeAttempts, 1, "console.code-attempts");
        Checks.requireAtLeast(lockoutAfter, 1, "console.lockout.after");
        Checks.requirePositive(lockoutBase, "console.lockout.base");
        Checks.requirePositive(lockoutMax, "console.lockout.max");
        Checks.requirePositive(journalRetention, "console.journal-retention");
        if (sessionIdle.compareTo(sessionMax) > 0) {
            throw new IllegalArgumentException("console.session-idle must not be longer than console.session-max");
        }
        if (lockoutBase.compareTo(lockoutMax) > 0) {
            throw new IllegalArgumentException("console.lockout.base must not be longer than console.lockout.max");
        }
    }

    /** The console's address without a trailing slash, to which page paths such as {@code /#/accept/...} are added. */
    public String base() {
        String text = baseUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
