package io.vpbx.admin.domain.staff;

import java.util.Objects;

/**
 * What the registrar needs of an employee: who registers under which SIP username, and the digest HA1
 * values to check the response with. A projection of {@link Employee}, read by the SIP side alone.
 */
public record SipAccount(String employeeId, String sipUsername, DigestCredentials credentials) {
    public SipAccount {
        Objects.requireNonNull(employeeId, "employeeId");
        Objects.requireNonNull(sipUsername, "sipUsername");
        Objects.requireNonNull(credentials, "credentials");
    }
}
