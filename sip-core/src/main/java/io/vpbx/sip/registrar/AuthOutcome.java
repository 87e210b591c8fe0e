package io.vpbx.sip.registrar;

import java.util.List;
import java.util.Objects;

/** What {@link Authenticator} decided for one request. */
public sealed interface AuthOutcome permits AuthOutcome.Authenticated, AuthOutcome.Challenge, AuthOutcome.Forbidden {

    /** The digest verified against a fresh nonce: the request comes from this subscriber. */
    record Authenticated(String subscriberId, String username) implements AuthOutcome {
        public Authenticated {
            Objects.requireNonNull(subscriberId, "subscriberId");
            Objects.requireNonNull(username, "username");
        }
    }

    /**
     * Reply 401 with one WWW-Authenticate header per challenge, in list order (SHA-256 before MD5,
     * RFC 8760 section 2.4). Unknown users, wrong passwords and malformed headers all end here alike.
     */
    record Challenge(List<DigestChallenge> challenges, boolean stale) implements AuthOutcome {
        public Challenge {
            challenges = List.copyOf(challenges);
            if (challenges.isEmpty()) {
                throw new IllegalArgumentException("at least one challenge");
            }
        }
    }

    /** Reply 403: the credentials were right but replayed. {@code reason} is for logs. */
    record Forbidden(String reason) implements AuthOutcome {
        public Forbidden {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
