package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.DocumentFile;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.identity.DocumentCipher;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.store.DocumentFileStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.ThirdPartyNumberStore.SealedLine;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a key rotation for one kind of value sealed with the key ring (identity documents, third-party line
 * passwords, document files): values still sealed under an older key (the ring's other entries) are opened and sealed again under
 * the current one, a batch per maintenance run, so that the old key can be removed from configuration once none
 * is left. Logs counts, never values.
 */
public final class Resealer {
    private static final Logger log = LoggerFactory.getLogger(Resealer.class);
    private static final int BATCH = 200;

    /** One kind of sealed value: re-seals a batch of those still under another key than the current one. */
    @FunctionalInterface
    public interface SealedValues {
        /** Stores up to {@code limit} stale values passed through {@code reseal}; returns how many owners changed. */
        int resealStale(Tx tx, String currentKeyId, int limit, UnaryOperator<String> reseal) throws SQLException;
    }

    private final Transactions transactions;
    private final SealedValues values;
    private final String what;
    private final String owners;
    private final Supplier<KeyRing> keyRing;
    private final SecureRandom random;

    /** {@code what} and {@code owners} name the values in the log line: "the documents of 3 end users". */
    public Resealer(Transactions transactions, SealedValues values, String what, String owners, Supplier<KeyRing> keyRing,
            SecureRandom random) {
        this.transactions = transactions;
        this.values = values;
        this.what = what;
        this.owners = owners;
        this.keyRing = keyRing;
        this.random = random;
    }

    /** End users' identity documents (and their agents' documents). */
    public static Resealer documents(Transactions transactions, EndUserStore endUsers, Supplier<KeyRing> keyRing, SecureRandom random) {
        return new Resealer(transactions, (tx, currentKeyId, limit, reseal) -> {
            List<EndUser> stale = endUsers.sealedWithOtherKeys(tx, currentKeyId, limit);
            for (EndUser endUser : stale) {
                String agent = endUser.agentDocumentSealed() == null ? null : reseal.apply(endUser.agentDocumentSealed());
                endUsers.update(tx, endUser.withSealed(reseal.apply(endUser.documentSealed()), agent));
            }
            return stale.size();
        }, "documents", "end users", keyRing, random);
    }

    /** Third-party line passwords, sealed with the same key ring as documents. */
    public static Resealer linePasswords(Transactions transactions, ThirdPartyNumberStore lines, Supplier<KeyRing> keyRing,
            SecureRandom random) {
        return new Resealer(transactions, (tx, currentKeyId, limit, reseal) -> {
            List<SealedLine> stale = lines.lockSealedWithOtherKeys(tx, currentKeyId, limit);
            for (SealedLine line : stale) {
                lines.reseal(tx, line.number().e164(), reseal.apply(line.sealedPassword()));
            }
            return stale.size();
        }, "passwords", "third-party lines", keyRing, random);
    }

    /** End users' document files: bytes, sealed with the same key ring and re-sealed whole. */
    public static Resealer documentFiles(Transactions transactions, DocumentFileStore files, Supplier<KeyRing> keyRing,
            SecureRandom random) {
        return new Resealer(transactions, (tx, currentKeyId, limit, reseal) -> {
            DocumentCipher cipher = new DocumentCipher(keyRing.get(), random);
            List<DocumentFile> stale = files.sealedWithOtherKeys(tx, currentKeyId, limit);
            for (DocumentFile file : stale) {
                DocumentCipher.SealedBytes sealed = cipher.sealBytes(cipher.openBytes(
                        new DocumentCipher.SealedBytes(file.keyId(), file.sealed())));
                files.reseal(tx, file.withSealed(sealed.keyId(), sealed.payload()));
            }
            return stale.size();
        }, "files", "documents on file", keyRing, random);
    }

    /** Re-seals one batch; returns how many owners were re-sealed (0 when rotation is complete). */
    public int resealOnce() {
        KeyRing ring = keyRing.get();
        DocumentCipher cipher = new DocumentCipher(ring, random);
        UnaryOperator<String> reseal = sealed -> cipher.sealedWithCurrentKey(sealed) ? sealed : cipher.seal(cipher.open(sealed));
        int done = transactions.inTransaction(tx -> values.resealStale(tx, ring.currentKeyId(), BATCH, reseal));
        if (done > 0) {
            log.info("key rotation: re-sealed the {} of {} {} under key {}", what, done, owners, ring.currentKeyId());
        }
        return done;
    }
}
