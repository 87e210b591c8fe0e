package io.vpbx.sip.registrar;

import java.util.Objects;

/** Outcome of parsing an Authorization header value: parse failures are values, not exceptions. */
public sealed interface DigestParseResult permits DigestParseResult.Parsed, DigestParseResult.Malformed {

    /** The header was well formed and carried every parameter the registrar needs. */
    record Parsed(DigestCredentials credentials) implements DigestParseResult {
        public Parsed {
            Objects.requireNonNull(credentials, "credentials");
        }
    }

    /** The header could not be used; {@code reason} is for logs, never for the wire. */
    record Malformed(String reason) implements DigestParseResult {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
