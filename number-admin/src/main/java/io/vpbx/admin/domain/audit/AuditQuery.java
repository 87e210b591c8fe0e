package io.vpbx.admin.domain.audit;

import java.time.Instant;

/**
 * Filters for reading the audit log; null means "any". {@code accountId} null is allowed only for the
 * operator. Results come newest first, after the {@code beforeId} cursor.
 */
public record AuditQuery(String accountId, String resourceType, String resourceId, String action, String actor,
                         Instant since, Instant until, Long beforeId, int limit) {
}
