package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Sending email (voicemail to its recipients). With no host, mail goes to the development outbox instead.
 *
 * @param host        SMTP server; empty for the development outbox
 * @param port        SMTP port
 * @param security    {@code none}, {@code starttls} (required, not opportunistic) or {@code tls} (implicit TLS)
 * @param user        SMTP user; empty for no authentication
 * @param password    SMTP password
 * @param from        the From address of every message
 * @param timeout     connect, read and write timeout of one SMTP exchange
 * @param retryBase   first delay after a failed delivery; doubled each time up to {@code retryMax}
 * @param retryMax    longest delay between attempts
 * @param giveUpAfter a delivery still failing this long after it was queued is marked failed
 */
public record MailConfig(Optional<String> host, int port, String security, Optional<String> user,
        Optional<String> password, String from, Duration timeout, Duration retryBase, Duration retryMax,
        Duration giveUpAfter) {

    public MailConfig {
        Objects.requireNonNull(host, "mail.host");
        Objects.requireNonNull(user, "mail.user");
        Objects.requireNonNull(password, "mail.password");
        Objects.requireNonNull(from, "mail.from");
        if (!security.equals("none") && !security.equals("starttls") && !security.equals("tls")) {
            throw new IllegalArgumentException("mail.security: expected none, starttls or tls but got '" + security + "'");
        }
        Checks.requirePositive(timeout, "mail.timeout");
        Checks.requirePositive(retryBase, "mail.retry-base");
        Checks.requirePositive(retryMax, "mail.retry-max");
        Checks.requirePositive(giveUpAfter, "mail.give-up-after");
    }

    /** Whether a real SMTP server is configured (otherwise the development outbox takes the mail). */
    public boolean smtp() {
        return host.isPresent();
    }
}
