package io.vpbx.admin.domain.audit;

import java.time.Instant;

/**
 * Which entries an export carries, in id order: one account's or all (null), from {@code since}
 * (inclusive) to {@code until} (exclusive) by their time, and none after {@code upToId}, the chain head
 * when the export began, so that every page of one export reads the same log.
 */
public record AuditExport(String accountId, Instant since, Instant until, long upToId) {
}
