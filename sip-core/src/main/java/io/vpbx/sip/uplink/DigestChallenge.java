package io.vpbx.sip.uplink;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One digest challenge an operator sent in WWW-Authenticate (401) or Proxy-Authenticate (407).
 *
 * @param proxy true for Proxy-Authenticate: the answer goes in Proxy-Authorization
 * @param algorithm as sent, {@code MD5} when absent (RFC 2617)
 * @param qops the qop options offered; empty for the RFC 2069 form
 */
public record DigestChallenge(boolean proxy, String realm, String nonce, String opaque, String algorithm,
                              List<String> qops, boolean stale) {

    public DigestChallenge {
        Objects.requireNonNull(realm, "realm");
        Objects.requireNonNull(nonce, "nonce");
        algorithm = algorithm == null || algorithm.isBlank() ? "MD5" : algorithm.trim();
        qops = List.copyOf(qops);
    }

    /** The header our answer goes in. */
    public String answerHeader() {
        return proxy ? "Proxy-Authorization" : "Authorization";
    }

    public boolean offersQopAuth() {
        return qops.stream().anyMatch(qop -> qop.trim().toLowerCase(Locale.ROOT).equals("auth"));
    }
}
