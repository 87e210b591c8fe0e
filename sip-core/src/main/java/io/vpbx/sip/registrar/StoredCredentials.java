package io.vpbx.sip.registrar;

import java.util.Objects;

/**
 * What the server keeps for one SIP account: the HA1 for each offered algorithm, never the password.
 *
 * @param subscriberId opaque id of the subscriber the account belongs to
 */
public record StoredCredentials(String username, String realm, String ha1Md5, String ha1Sha256, String subscriberId) {

    public StoredCredentials {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(ha1Md5, "ha1Md5");
        Objects.requireNonNull(ha1Sha256, "ha1Sha256");
        Objects.requireNonNull(subscriberId, "subscriberId");
    }

    /** Derives both HA1 values from a password at provisioning time; the password is not kept. */
    public static StoredCredentials fromPassword(String username, String realm, String password, String subscriberId) {
        return new StoredCredentials(username, realm,
                DigestVerifier.ha1(DigestAlgorithm.MD5, username, realm, password),
                DigestVerifier.ha1(DigestAlgorithm.SHA_256, username, realm, password),
                subscriberId);
    }

    public String ha1(DigestAlgorithm algorithm) {
        return algorithm == DigestAlgorithm.SHA_256 ? ha1Sha256 : ha1Md5;
    }

    /** Keeps HA1 values out of logs. */
    @Override
    public String toString() {
        return "StoredCredentials[username=" + username + ", realm=" + realm + ", subscriberId=" + subscriberId + "]";
    }
}
