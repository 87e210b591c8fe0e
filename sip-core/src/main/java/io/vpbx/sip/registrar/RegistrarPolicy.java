package io.vpbx.sip.registrar;

/**
 * Limits of the registrar, all expiry values in seconds as on the wire.
 *
 * @param minExpires        shorter non-zero requests get 423 Interval Too Brief with this Min-Expires;
 *                          at most 3600, since RFC 3261 section 10.3 step 7 forbids 423 for an hour or more
 * @param maxExpires        longer requests are shortened to this
 * @param defaultExpires    used when neither the contact nor the request gives an expiry
 * @param maxContactsPerAor a REGISTER that would leave more bindings than this gets 403
 */
public record RegistrarPolicy(int minExpires, int maxExpires, int defaultExpires, int maxContactsPerAor) {

    public RegistrarPolicy {
        if (minExpires < 1 || minExpires > 3600) {
            throw new IllegalArgumentException("minExpires must be within 1..3600: " + minExpires);
        }
        if (maxExpires < minExpires) {
            throw new IllegalArgumentException("maxExpires below minExpires: " + maxExpires);
        }
        if (defaultExpires < minExpires || defaultExpires > maxExpires) {
            throw new IllegalArgumentException("defaultExpires outside minExpires..maxExpires: " + defaultExpires);
        }
        if (maxContactsPerAor < 1) {
            throw new IllegalArgumentException("maxContactsPerAor must be at least 1: " + maxContactsPerAor);
        }
    }
}
