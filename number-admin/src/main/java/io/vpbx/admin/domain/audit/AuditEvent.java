package io.vpbx.admin.domain.audit;

import java.time.Instant;
import java.util.List;

/**
 * One change: who (actor), from where (source IP), under which request, when, what (action on a
 * resource) and the field-level before/after. {@code id} is 0 until stored.
 */
public record AuditEvent(long id, Instant at, String accountId, String actor, String sourceIp, String requestId,
                         String action, String resourceType, String resourceId, List<FieldChange> changes) {
    public AuditEvent {
        changes = List.copyOf(changes);
    }
}
