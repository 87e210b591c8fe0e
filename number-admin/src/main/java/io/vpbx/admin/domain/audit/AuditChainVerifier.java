package io.vpbx.admin.domain.audit;

import java.util.Objects;

/**
 * Walks the audit log in id order and says where the chain first breaks. Entries without links that
 * come before the first chained one were written before the chain began and are passed over; after
 * it, ids are consecutive (appends take theirs from the head), so a jump is a deleted entry. The walk
 * covers entries up to the head read before it began, and ends where the head says the chain ends.
 */
public final class AuditChainVerifier {
    private final ChainHead head;
    private long entries;
    private long lastId;
    private String lastHash = AuditHasher.GENESIS;
    private Long lastUnchainedId;
    private ChainVerification broken;

    public AuditChainVerifier(ChainHead head) {
        this.head = head;
    }

    /** Checks the next entry in id order; false once the chain is broken, when reading further is pointless. */
    public boolean accept(AuditChainEntry entry) {
        if (broken != null) {
            return false;
        }
        if (!entry.chained() && entries == 0) {
            lastUnchainedId = entry.id();
            return true;
        }
        long id = entry.id();
        if (entries > 0 && id != lastId + 1) {
            return fail(lastId + 1, "entry " + (lastId + 1) + " is missing (gap): entry " + lastId + " is followed by entry " + id);
        }
        if (entry.entryHash() == null || !entry.entryHash().equals(AuditHasher.hash(entry))) {
            return fail(id, "entry " + id + " was changed: its content does not match its hash");
        }
        if (!Objects.equals(entry.prevHash(), lastHash)) {
            return fail(id - 1, brokenLink(id));
        }
        entries++;
        lastId = id;
        lastHash = entry.entryHash();
        return true;
    }

    /** The verdict, once every entry up to the head has been given to {@link #accept}. */
    public ChainVerification finish() {
        if (broken != null) {
            return broken;
        }
        if (entries == 0) {
            return head.lastHash().equals(AuditHasher.GENESIS) ? ChainVerification.intact(0, AuditHasher.GENESIS)
                    : ChainVerification.broken(head.lastId(), "head does not match: it records entry " + head.lastId()
                            + " but the log holds no chained entry");
        }
        if (lastId < head.lastId()) {
            return ChainVerification.broken(lastId + 1, "entry " + (lastId + 1) + " is missing (gap): the head records entries up to "
                    + head.lastId() + " but the log ends at entry " + lastId);
        }
        if (lastId != head.lastId() || !lastHash.equals(head.lastHash())) {
            return ChainVerification.broken(lastId, "head does not match: it records entry " + head.lastId()
                    + " with a hash other than that of the last entry " + lastId);
        }
        return ChainVerification.intact(entries, lastHash);
    }

    private String brokenLink(long id) {
        if (entries > 0) {
            return "entry " + lastId + " was changed: entry " + id + " links to a different hash than entry " + lastId + " carries";
        }
        if (lastUnchainedId != null && lastUnchainedId == id - 1) {
            return "entry " + (id - 1) + " was changed: its links were removed, yet entry " + id + " links to it";
        }
        return "entry " + (id - 1) + " is missing (gap): entry " + id + " is the first in the log but does not start the chain";
    }

    private boolean fail(long id, String reason) {
        broken = ChainVerification.broken(id, reason);
        return false;
    }
}
