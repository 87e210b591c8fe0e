package io.vpbx.admin.domain.people;

import java.time.Instant;

/** One line of the login journal; {@code accountId} and {@code userId} are null for an e-mail nobody has. */
public record LoginAttempt(long id, Instant at, String accountId, String userId, String email, String sourceIp,
                           String userAgent, SignInOutcome outcome) {
    public static final int MAX_USER_AGENT_LENGTH = 300;

    /** The user agent as stored: at most {@link #MAX_USER_AGENT_LENGTH} characters, control characters dropped. */
    public static String userAgent(String header) {
        if (header == null) {
            return null;
        }
        String printable = header.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return printable.length() > MAX_USER_AGENT_LENGTH ? printable.substring(0, MAX_USER_AGENT_LENGTH) : printable;
    }
}
