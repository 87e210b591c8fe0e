package io.vpbx.admin.domain.audit;

/**
 * Which resource an audit entry changed, and where the entry stands in the chain: what a node following
 * the log needs to re-read that resource, and the position to read on from.
 */
public record AuditedChange(long position, String resourceType, String resourceId) {
}
