package io.vpbx.admin.service;

import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Seals text vpbx must read back later (a webhook's signing secret, a queued SMS that may carry a code) with the key
 * ring that seals identity documents: AES-256-GCM, the key id authenticated ({@link DocumentCipher}).
 */
public final class Sealer {
    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random;

    public Sealer(Supplier<KeyRing> keyRing, SecureRandom random) {
        this.keyRing = keyRing;
        this.random = random;
    }

    public String seal(String plain) {
        return new DocumentCipher(keyRing.get(), random).seal(plain);
    }

    public String open(String sealed) {
        return new DocumentCipher(keyRing.get(), random).open(sealed);
    }
}
