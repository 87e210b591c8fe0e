package io.vpbx.admin.service.thirdparty;

import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import java.security.SecureRandom;
import java.util.function.Supplier;

/**
 * Seals third-party line passwords for storage with the key ring that seals identity documents (AES-256-GCM,
 * the key id authenticated; see {@link DocumentCipher}), and opens them for the SIP side only. Unlike a
 * phone's password, which the registrar only checks (HA1 hashes suffice), this one vpbx must present to
 * another operator, so it is kept reversible but never plain.
 */
public final class LinePasswords {
    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random;

    public LinePasswords(Supplier<KeyRing> keyRing, SecureRandom random) {
        this.keyRing = keyRing;
        this.random = random;
    }

    public String seal(String password) {
        return new DocumentCipher(keyRing.get(), random).seal(password);
    }

    public String open(String sealed) {
        return new DocumentCipher(keyRing.get(), random).open(sealed);
    }
}
