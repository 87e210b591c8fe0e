package io.vpbx.sip.registrar;

import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Digest authentication of one SIP request (RFC 3261 section 22, RFC 7616, RFC 8760). Pure apart from
 * the nonce bookkeeping held by {@link NonceService}.
 *
 * <p>An unknown user, a wrong password, a realm mismatch, a forged nonce and a malformed header all
 * yield the same fresh, non-stale challenge, and an unknown user costs the same digest computation
 * as a known one (against a random dummy HA1), so responses do not reveal which accounts exist.
 *
 * <p>Repeated failures lock a username per source address, then everywhere ({@link DigestLockout}). A locked
 * attempt is answered exactly like a wrong password, after the same digest computation: the answer never
 * tells a locked username from a wrong password or an unknown user.
 *
 * <p>Challenges offer the configured algorithms in order of preference (RFC 8760 section 2.4), by default
 * SHA-256 then MD5; a response with an algorithm not offered is challenged again. Offering MD5 alone
 * serves clients that answer the first challenge whatever its algorithm and know only MD5.
 */
public final class Authenticator {

    /** Preference order of RFC 8760: the stronger hash first, MD5 for older clients. */
    public static final List<DigestAlgorithm> DEFAULT_ALGORITHMS = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

    private final NonceService nonces;
    private final List<DigestAlgorithm> offered;
    private final DigestVerifier verifier = new DigestVerifier();
    private final Map<DigestAlgorithm, String> dummyHa1 = new EnumMap<>(DigestAlgorithm.class);
    private final DigestLockout lockout;

    public Authenticator(NonceService nonces, SecureRandom random) {
        this(nonces, random, DEFAULT_ALGORITHMS);
    }

    /** @param offered the algorithms to challenge with, most preferred first; not empty, no repeats */
    public Authenticator(NonceService nonces, SecureRandom random, List<DigestAlgorithm> offered) {
        this(nonces, random, offered, null);
    }

    /** @param lockout locks usernames after repeated failures; null for none */
    public Authenticator(NonceService nonces, SecureRandom random, List<DigestAlgorithm> offered, DigestLockout lockout) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.lockout = lockout;
        if (offered.isEmpty() || offered.stream().distinct().count() != offered.size()) {
            throw new IllegalArgumentException("offered algorithms must be non-empty and distinct: " + offered);
        }
        this.offered = List.copyOf(offered);
        byte[] seed = new byte[32];
        random.nextBytes(seed);
        String dummyPassword = HexFormat.of().formatHex(seed);
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            dummyHa1.put(algorithm, algorithm.hash(dummyPassword));
        }
    }

    /**
     * @param method        SIP method of the request, e.g. {@code REGISTER}
     * @param realm         the realm this request is authenticated in (the served SIP domain)
     * @param authorization the Authorization header value, or {@code null} when absent
     * @param lookup        finds the stored credentials of a username
     */
    public AuthOutcome authenticate(String method, String realm, String authorization,
                                    Function<String, Optional<StoredCredentials>> lookup) {
        return authenticate(method, realm, authorization, null, lookup);
    }

    /**
     * As {@link #authenticate(String, String, String, Function)}, counting failures of the username from
     * {@code source} (an IP address; null counts nothing) toward its lockout.
     */
    public AuthOutcome authenticate(String method, String realm, String authorization, String source,
                                    Function<String, Optional<StoredCredentials>> lookup) {
        if (authorization == null) {
            return challenge(realm, false);
        }
        DigestParseResult parsed = DigestCredentials.parse(authorization);
        if (!(parsed instanceof DigestParseResult.Parsed)) {
            return challenge(realm, false);
        }
        DigestCredentials credentials = ((DigestParseResult.Parsed) parsed).credentials();
        if (!offered.contains(credentials.algorithm())) {
            return challenge(realm, false);
        }

        Optional<StoredCredentials> account = credentials.realm().equals(realm)
                ? lookup.apply(credentials.username())
                        .filter(stored -> stored.realm().equals(realm) && stored.username().equals(credentials.username()))
                : Optional.empty();
        String ha1 = account.map(stored -> stored.ha1(credentials.algorithm()))
                .orElse(dummyHa1.get(credentials.algorithm()));
        boolean digestMatches = verifier.verify(credentials, ha1, method);
        boolean counted = lockout != null && source != null;
        if (counted && lockout.locked(source, credentials.username())) {
            lockout.refused(source, credentials.username());
            return challenge(realm, false);
        }
        if (!digestMatches || account.isEmpty()) {
            if (counted) {
                lockout.failed(source, credentials.username());
            }
            return challenge(realm, false);
        }
        if (counted) {
            lockout.succeeded(source, credentials.username());
        }

        boolean hasQop = credentials.qop() != null;
        // Without qop there is no nonce count: the nonce is then good for one request only.
        NonceStatus status = nonces.check(credentials.nonce(), hasQop ? credentials.nonceCount() : 1);
        switch (status) {
            case VALID:
                return new AuthOutcome.Authenticated(account.get().subscriberId(), credentials.username());
            case STALE:
                return challenge(realm, true);
            case REPLAY:
                return hasQop
                        ? new AuthOutcome.Forbidden("nonce count " + credentials.nc() + " replayed")
                        : challenge(realm, true);
            case INVALID:
            default:
                return challenge(realm, false);
        }
    }

    /** A fresh challenge per offered algorithm, in order of preference, sharing one nonce. */
    public AuthOutcome.Challenge challenge(String realm, boolean stale) {
        String nonce = nonces.issue();
        return new AuthOutcome.Challenge(offered.stream()
                .map(algorithm -> new DigestChallenge(realm, nonce, null, algorithm, stale))
                .toList(), stale);
    }
}
