package io.vpbx.admin.domain.audit;

import java.time.Instant;

/**
 * An audit entry as stored, in the form its hash covers: the changes as their stored JSON text, and its
 * two links, the previous entry's hash and its own. Both links are null for entries written before the
 * chain began.
 */
public record AuditChainEntry(long id, Instant at, String accountId, String actor, String sourceIp, String requestId,
                              String action, String resourceType, String resourceId, String changes, String prevHash,
                              String entryHash) {

    public boolean chained() {
        return prevHash != null || entryHash != null;
    }

    public AuditChainEntry withEntryHash(String hash) {
        return new AuditChainEntry(id, at, accountId, actor, sourceIp, requestId, action, resourceType, resourceId, changes,
                prevHash, hash);
    }
}
