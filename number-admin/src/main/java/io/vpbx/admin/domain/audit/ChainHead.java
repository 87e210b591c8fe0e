package io.vpbx.admin.domain.audit;

/**
 * The end of the audit chain: the id and hash of the last entry. Appends read it under a row lock and
 * move it forward in the same transaction, so the chain never forks.
 */
public record ChainHead(long lastId, String lastHash) {
}
