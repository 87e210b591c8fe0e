package io.vpbx.sip.registrar;

import java.util.Objects;

/**
 * One Contact header field value of a REGISTER, already parsed at the edge.
 *
 * @param uri      the contact URI, normalised by the parser (bindings match on it exactly)
 * @param expires  the contact's {@code expires} parameter in seconds, or {@code null}
 * @param q        the {@code q} parameter, 0.0..1.0; 1.0 when absent
 * @param instance the {@code +sip.instance} value (RFC 5626), or {@code null}; when set, a binding
 *                 with the same instance is replaced even if its URI changed
 * @param received the source address the REGISTER came from (for NAT traversal), or {@code null}
 */
public record ContactRequest(String uri, Integer expires, double q, String instance, String received) {

    public ContactRequest {
        Objects.requireNonNull(uri, "uri");
        if (uri.isBlank()) {
            throw new IllegalArgumentException("blank contact uri");
        }
        if (expires != null && expires < 0) {
            throw new IllegalArgumentException("negative expires: " + expires);
        }
        if (!(q >= 0.0 && q <= 1.0)) {
            throw new IllegalArgumentException("q outside 0..1: " + q);
        }
    }

    /** A contact with no parameters. */
    public static ContactRequest of(String uri) {
        return new ContactRequest(uri, null, 1.0, null, null);
    }

    public ContactRequest withExpires(int seconds) {
        return new ContactRequest(uri, seconds, q, instance, received);
    }

    public ContactRequest withQ(double value) {
        return new ContactRequest(uri, expires, value, instance, received);
    }

    public ContactRequest withInstance(String value) {
        return new ContactRequest(uri, expires, q, value, received);
    }

    public ContactRequest withReceived(String value) {
        return new ContactRequest(uri, expires, q, instance, value);
    }
}
