package io.vpbx.sip.registrar;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces (RFC 7616 section 3.3, section 5.4 on replay).
 *
 * <p>A nonce is base64url(issuedAtMillis[8] | random[16] | HMAC-SHA256(secret, first 24 bytes)[16]),
 * so its age is read from the nonce itself and a forged one fails the MAC. The secret lives only in
 * memory: nonces from before a restart are INVALID and clients are simply challenged again.
 *
 * <p>Every issued nonce is tracked with the last nonce count seen, in a map bounded by
 * {@code maxTracked}; beyond that the oldest is evicted. A genuine nonce that is no longer tracked is
 * STALE, never VALID, so eviction can cost a client one extra challenge but never opens a replay.
 * Thread-safe: the tracking map is guarded by this instance.
 */
public final class NonceService {

    private static final int TIME_BYTES = Long.BYTES;
    private static final int RANDOM_BYTES = 16;
    private static final int MAC_BYTES = 16;
    private static final int SIGNED_BYTES = TIME_BYTES + RANDOM_BYTES;
    private static final int NONCE_BYTES = SIGNED_BYTES + MAC_BYTES;
    private static final String MAC_ALGORITHM = "HmacSHA256";

    private final Clock clock;
    private final SecureRandom random;
    private final Duration lifetime;
    private final int maxTracked;
    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::keyedMac);
    private final LinkedHashMap<String, Long> lastNonceCount = new LinkedHashMap<>();

    public NonceService(Clock clock, SecureRandom random, Duration lifetime, int maxTracked) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.lifetime = Objects.requireNonNull(lifetime, "lifetime");
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive");
        }
        if (maxTracked < 1) {
            throw new IllegalArgumentException("maxTracked must be at least 1");
        }
        this.maxTracked = maxTracked;
        byte[] key = new byte[32];
        random.nextBytes(key);
        this.secret = new SecretKeySpec(key, MAC_ALGORITHM);
    }

    /** A fresh nonce, tracked from now on with nonce count 0. */
    public String issue() {
        byte[] raw = new byte[NONCE_BYTES];
        ByteBuffer.wrap(raw).putLong(clock.millis());
        byte[] salt = new byte[RANDOM_BYTES];
        random.nextBytes(salt);
        System.arraycopy(salt, 0, raw, TIME_BYTES, RANDOM_BYTES);
        System.arraycopy(mac(raw), 0, raw, SIGNED_BYTES, MAC_BYTES);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        synchronized (this) {
            lastNonceCount.put(nonce, 0L);
            Iterator<String> oldest = lastNonceCount.keySet().iterator();
            while (lastNonceCount.size() > maxTracked) {
                oldest.next();
                oldest.remove();
            }
        }
        return nonce;
    }

    /**
     * Checks a nonce and, when VALID, records {@code nonceCount} as the last one seen.
     * Call it only once the digest itself has verified, so that a forger cannot burn nonce counts.
     */
    public NonceStatus check(String nonce, long nonceCount) {
        byte[] raw = decode(nonce);
        if (raw == null || !MessageDigest.isEqual(mac(raw), Arrays.copyOfRange(raw, SIGNED_BYTES, NONCE_BYTES))) {
            return NonceStatus.INVALID;
        }
        Instant issuedAt = Instant.ofEpochMilli(ByteBuffer.wrap(raw).getLong());
        boolean expired = Duration.between(issuedAt, clock.instant()).compareTo(lifetime) > 0;
        synchronized (this) {
            if (expired) {
                lastNonceCount.remove(nonce);
                return NonceStatus.STALE;
            }
            Long last = lastNonceCount.get(nonce);
            if (last == null) {
                return NonceStatus.STALE;
            }
            if (nonceCount <= last) {
                return NonceStatus.REPLAY;
            }
            lastNonceCount.put(nonce, nonceCount);
            return NonceStatus.VALID;
        }
    }

    /** Number of nonces currently tracked; never above {@code maxTracked}. */
    public synchronized int trackedCount() {
        return lastNonceCount.size();
    }

    private static byte[] decode(String nonce) {
        if (nonce == null || nonce.length() != (NONCE_BYTES * 4 + 2) / 3) {
            return null;
        }
        try {
            byte[] raw = Base64.getUrlDecoder().decode(nonce);
            boolean canonical = raw.length == NONCE_BYTES
                    && Base64.getUrlEncoder().withoutPadding().encodeToString(raw).equals(nonce);
            return canonical ? raw : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] mac(byte[] raw) {
        Mac mac = macs.get();
        mac.update(raw, 0, SIGNED_BYTES);
        return Arrays.copyOf(mac.doFinal(), MAC_BYTES);
    }

    /** One keyed Mac per thread: looking a Mac up and keying it costs more than the MAC itself. */
    private Mac keyedMac() {
        try {
            Mac mac = Mac.getInstance(MAC_ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is required on every Java platform (javax.crypto.Mac javadoc).
            throw new IllegalStateException(MAC_ALGORITHM + " unavailable", e);
        }
    }
}
