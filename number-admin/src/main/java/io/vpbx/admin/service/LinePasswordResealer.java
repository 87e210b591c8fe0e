package io.vpbx.admin.service;

import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.ThirdPartyNumberStore.SealedLine;
import io.vpbx.admin.store.Transactions;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link DocumentResealer} of third-party line passwords: they are sealed with the same key ring, so a key
 * rotation is complete (and the old key may leave the configuration) only when none is left under an older key.
 * A batch per maintenance run; logs counts, never passwords.
 */
public final class LinePasswordResealer {
    private static final Logger log = LoggerFactory.getLogger(LinePasswordResealer.class);
    private static final int BATCH = 200;

    private final Transactions transactions;
    private final ThirdPartyNumberStore lines;
    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random;

    public LinePasswordResealer(Transactions transactions, ThirdPartyNumberStore lines, Supplier<KeyRing> keyRing, SecureRandom random) {
        this.transactions = transactions;
        this.lines = lines;
        this.keyRing = keyRing;
        this.random = random;
    }

    /** Re-seals one batch; returns how many passwords were re-sealed (0 when rotation is complete). */
    public int resealOnce() {
        KeyRing ring = keyRing.get();
        DocumentCipher cipher = new DocumentCipher(ring, random);
        int done = transactions.inTransaction(tx -> {
            List<SealedLine> stale = lines.lockSealedWithOtherKeys(tx, ring.currentKeyId(), BATCH);
            for (SealedLine line : stale) {
                lines.reseal(tx, line.number().e164(), cipher.seal(cipher.open(line.sealedPassword())));
            }
            return stale.size();
        });
        if (done > 0) {
            log.info("key rotation: re-sealed the passwords of {} third-party lines under key {}", done, ring.currentKeyId());
        }
        return done;
    }
}
