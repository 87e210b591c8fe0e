package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import java.security.SecureRandom;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Personal data sealed in its columns with the document key ring: written sealed under the current key, read opened.
 * A value written before sealing began (plain text, not of the sealed form) is read as it is until the key-rotation
 * batch seals it; a value of the sealed form that does not open fails loudly, naming only the key id.
 */
final class SealedColumns {
    private static final Pattern SEALED = Pattern.compile("v1:[A-Za-z0-9_-]{1,32}:[A-Za-z0-9_-]+");

    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random = new SecureRandom();

    SealedColumns(Supplier<KeyRing> keyRing) {
        this.keyRing = keyRing;
    }

    String seal(String plain) {
        return plain == null ? null : new DocumentCipher(keyRing.get(), random).seal(plain);
    }

    String open(String stored) {
        return stored == null || !SEALED.matcher(stored).matches() ? stored : new DocumentCipher(keyRing.get(), random).open(stored);
    }
}
