package io.vpbx.admin.domain.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals identity document numbers for storage with AES-256-GCM:
 * {@code v1:<keyId>:<base64url(12-byte IV || ciphertext || 16-byte tag)>}. The key id is the
 * additional authenticated data, so a sealed value cannot be passed off under another key's id.
 * A fresh random IV is drawn for every seal. Failures never show the plain text or key bytes.
 */
public final class DocumentCipher {

    static final String VERSION = "v1";
    static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyRing ring;
    private final SecureRandom random;

    public DocumentCipher(KeyRing ring, SecureRandom random) {
        this.ring = Objects.requireNonNull(ring, "ring");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** Seals with the ring's current key. */
    public String seal(String plain) {
        Objects.requireNonNull(plain, "plain");
        String keyId = ring.currentKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed;
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyId, iv);
            sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal with key " + keyId + ": " + e.getClass().getSimpleName(), e);
        }
        byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        return VERSION + ":" + keyId + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }

    /**
     * The plain text of a sealed value. IllegalStateException when it is not a v1 sealed value,
     * names a key the ring lacks ("unknown key id k0"), or fails authentication ("tampered").
     */
    public String open(String sealed) {
        Parts parts = Parts.of(sealed);
        if (ring.key(parts.keyId()) == null) {
            throw new IllegalStateException("unknown key id " + parts.keyId());
        }
        if (parts.payload().length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("sealed document with key " + parts.keyId() + " is tampered: too short");
        }
        byte[] iv = Arrays.copyOf(parts.payload(), IV_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, parts.keyId(), iv);
            byte[] plain = cipher.doFinal(parts.payload(), IV_BYTES, parts.payload().length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed document with key " + parts.keyId() + " is tampered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open with key " + parts.keyId() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Bytes sealed under {@code keyId}: the 12-byte IV, then the ciphertext and its tag. */
    public record SealedBytes(String keyId, byte[] payload) {
    }

    /** Seals a file's bytes with the ring's current key; the key id is the additional authenticated data, as for numbers. */
    public SealedBytes sealBytes(byte[] plain) {
        Objects.requireNonNull(plain, "plain");
        String keyId = ring.currentKeyId();
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            byte[] sealed = cipher(Cipher.ENCRYPT_MODE, keyId, iv).doFinal(plain);
            return new SealedBytes(keyId, ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal with key " + keyId + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** The bytes {@link #sealBytes} sealed; IllegalStateException naming the key id when the key is gone or the bytes tampered. */
    public byte[] openBytes(SealedBytes sealed) {
        String keyId = sealed.keyId();
        byte[] payload = sealed.payload();
        if (ring.key(keyId) == null) {
            throw new IllegalStateException("unknown key id " + keyId);
        }
        if (payload.length < IV_BYTES + TAG_BITS / 8) {
            throw new IllegalStateException("sealed file with key " + keyId + " is tampered: too short");
        }
        try {
            return cipher(Cipher.DECRYPT_MODE, keyId, Arrays.copyOf(payload, IV_BYTES)).doFinal(payload, IV_BYTES, payload.length - IV_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed file with key " + keyId + " is tampered", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open with key " + keyId + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** Whether a value sealed under {@code keyId} is sealed with the current key. */
    public boolean isCurrentKey(String keyId) {
        return ring.currentKeyId().equals(keyId);
    }

    /** False when a rotation job should open and re-seal this value under the current key. */
    public boolean sealedWithCurrentKey(String sealed) {
        return Parts.of(sealed).keyId().equals(ring.currentKeyId());
    }

    private Cipher cipher(int mode, String keyId, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(ring.key(keyId), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(keyId.getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** A sealed value split into its key id and decoded payload. */
    private record Parts(String keyId, byte[] payload) {

        static Parts of(String sealed) {
            Objects.requireNonNull(sealed, "sealed");
            String[] parts = sealed.split(":", -1);
            if (parts.length != 3 || !VERSION.equals(parts[0]) || parts[1].isEmpty()) {
                throw new IllegalStateException("not a " + VERSION + " sealed document");
            }
            try {
                return new Parts(parts[1], Base64.getUrlDecoder().decode(parts[2]));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("sealed document with key " + parts[1] + " is tampered: not base64url", e);
            }
        }
    }
}
