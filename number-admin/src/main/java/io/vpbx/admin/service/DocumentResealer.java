package io.vpbx.admin.service;

import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.Transactions;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a key rotation: documents still sealed under an older key (the ring's other entries) are
 * opened and sealed again under the current one, a batch per maintenance run, so that the old key can
 * be removed from configuration once none is left. Logs counts, never documents.
 */
public final class DocumentResealer {
    private static final Logger log = LoggerFactory.getLogger(DocumentResealer.class);
    private static final int BATCH = 200;

    private final Transactions transactions;
    private final EndUserStore endUsers;
    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random;

    public DocumentResealer(Transactions transactions, EndUserStore endUsers, Supplier<KeyRing> keyRing, SecureRandom random) {
        this.transactions = transactions;
        this.endUsers = endUsers;
        this.keyRing = keyRing;
        this.random = random;
    }

    /** Re-seals one batch; returns how many end users were re-sealed (0 when rotation is complete). */
    public int resealOnce() {
        KeyRing ring = keyRing.get();
        DocumentCipher cipher = new DocumentCipher(ring, random);
        int done = transactions.inTransaction(tx -> {
            List<EndUser> stale = endUsers.sealedWithOtherKeys(tx, ring.currentKeyId(), BATCH);
            for (EndUser endUser : stale) {
                String document = reseal(cipher, endUser.documentSealed());
                String agent = endUser.agentDocumentSealed() == null ? null : reseal(cipher, endUser.agentDocumentSealed());
                endUsers.update(tx, endUser.withSealed(document, agent));
            }
            return stale.size();
        });
        if (done > 0) {
            log.info("key rotation: re-sealed the documents of {} end users under key {}", done, ring.currentKeyId());
        }
        return done;
    }

    private static String reseal(DocumentCipher cipher, String sealed) {
        return cipher.sealedWithCurrentKey(sealed) ? sealed : cipher.seal(cipher.open(sealed));
    }
}
