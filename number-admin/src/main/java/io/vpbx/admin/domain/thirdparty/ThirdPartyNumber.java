package io.vpbx.admin.domain.thirdparty;

import java.time.Instant;
import java.util.Objects;

/**
 * A number an account holds at another operator and has connected to vpbx: vpbx registers to that
 * operator's {@code server} as {@code login} and carries the number's calls. The password is not part of
 * this value: it lives sealed in storage and is opened only for the SIP side ({@link ThirdPartyLine}), so
 * that no view or audit entry built from this record can leak it. A disabled line is kept but not registered.
 */
public record ThirdPartyNumber(String e164, String accountId, String login, String server, int port, LineTransport transport,
                               int expiresSeconds, String comment, boolean enabled, Instant createdAt, Instant updatedAt) {

    public ThirdPartyNumber {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The line as the SIP side needs it, with the password opened by the caller. */
    public ThirdPartyLine line(String password) {
        return new ThirdPartyLine(e164, accountId, login, password, server, port, transport.wireName(), expiresSeconds, enabled);
    }
}
