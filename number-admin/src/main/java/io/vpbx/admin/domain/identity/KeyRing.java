package io.vpbx.admin.domain.identity;

import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The AES-256 keys that seal identity documents at rest, by key id. {@code currentKeyId} seals new
 * documents; every key opens what it once sealed, so keys are rotated by putting a new one first
 * and re-sealing (see {@link DocumentCipher#sealedWithCurrentKey(String)}) before the old one is
 * dropped. Errors and {@link #toString()} name key ids, never key bytes.
 */
public record KeyRing(String currentKeyId, Map<String, byte[]> keys) {

    /** AES-256. */
    public static final int KEY_BYTES = 32;
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    /** An invalid id is not echoed: it may be a key pasted the wrong way round. */
    private static final String INVALID_ID = "a key id must be 1 to 32 of A-Z a-z 0-9 _ -";

    public KeyRing {
        Objects.requireNonNull(currentKeyId, "currentKeyId");
        Objects.requireNonNull(keys, "keys");
        Map<String, byte[]> copy = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : keys.entrySet()) {
            String id = entry.getKey();
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException(INVALID_ID);
            }
            if (entry.getValue() == null || entry.getValue().length != KEY_BYTES) {
                throw new IllegalArgumentException("key " + id + " must be " + KEY_BYTES + " bytes (AES-256), got "
                        + (entry.getValue() == null ? "none" : entry.getValue().length));
            }
            copy.put(id, entry.getValue().clone());
        }
        if (!copy.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current key " + currentKeyId + " is not in the key ring");
        }
        keys = Collections.unmodifiableMap(copy);
    }

    /**
     * Reads "k2:BASE64,k1:BASE64": comma-separated {@code id:key} entries, each key 32 bytes in
     * standard Base64. The first entry is the current key; the others only open older documents.
     */
    public static KeyRing parse(String config) {
        if (config == null || config.isBlank()) {
            throw new IllegalArgumentException("key ring is empty: give at least one id:base64 key");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String current = null;
        for (String entry : config.split(",", -1)) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("key ring entry #" + (keys.size() + 1) + " must be id:base64");
            }
            String id = entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("key ring entry #" + (keys.size() + 1) + ": " + INVALID_ID);
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("key " + id + " is not valid Base64");
            }
            if (keys.put(id, key) != null) {
                throw new IllegalArgumentException("key " + id + " is given twice");
            }
            if (current == null) {
                current = id;
            }
        }
        return new KeyRing(current, keys);
    }

    /** The key with this id, a copy; {@code null} when the ring has none. */
    public byte[] key(String id) {
        byte[] key = keys.get(id);
        return key == null ? null : key.clone();
    }

    /** The keys by id, each a copy: callers cannot change the ring's keys. */
    @Override
    public Map<String, byte[]> keys() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        keys.forEach((id, key) -> copy.put(id, key.clone()));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof KeyRing that) || !currentKeyId.equals(that.currentKeyId)
                || !keys.keySet().equals(that.keys.keySet())) {
            return false;
        }
        return keys.entrySet().stream().allMatch(entry -> Arrays.equals(entry.getValue(), that.keys.get(entry.getKey())));
    }

    @Override
    public int hashCode() {
        return Objects.hash(currentKeyId, keys.keySet());
    }

    /** Key ids only: "KeyRing[current=k2, ids=[k2, k1]]". */
    @Override
    public String toString() {
        return "KeyRing[current=" + currentKeyId + ", ids=" + keys.keySet() + "]";
    }
}
