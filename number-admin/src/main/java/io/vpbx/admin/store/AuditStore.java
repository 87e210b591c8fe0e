package io.vpbx.admin.store;

import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditedChange;
import io.vpbx.admin.domain.audit.AuditExport;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.domain.audit.ChainHead;
import io.vpbx.admin.domain.audit.ChainVerification;
import java.sql.SQLException;
import java.util.List;

/**
 * The append-only audit log, kept as one hash chain for the whole platform: each entry carries the
 * hash of the one before it, so that a changed, removed or inserted entry shows on {@link #verify}.
 */
public interface AuditStore {

    /**
     * Appends {@code event} to the chain within {@code tx}. The chain head stays locked until {@code tx}
     * ends, which serialises audited changes across every node sharing the database: take the other locks
     * of the change first and audit last, and keep audited transactions short.
     */
    void append(Tx tx, AuditEvent event) throws SQLException;

    List<AuditEvent> query(Tx tx, AuditQuery query) throws SQLException;

    /** Where the chain ends now (not locked). */
    ChainHead head(Tx tx) throws SQLException;

    /** Recomputes the chain up to the current head, in id order and in pages, and says where it first breaks. */
    ChainVerification verify(Tx tx) throws SQLException;

    /** The next page of an export: its entries with ids above {@code afterId}, in id order, at most {@code limit}. */
    List<AuditChainEntry> export(Tx tx, AuditExport export, long afterId, int limit) throws SQLException;

    /** How many entries {@code export} carries, counting no further than {@code atMost}. */
    long count(Tx tx, AuditExport export, long atMost) throws SQLException;

    /**
     * The resources changed by the entries after chain position {@code afterId}, in id order, at most
     * {@code limit}: how a node follows changes made through other nodes. Safe to poll with the last id read,
     * because ids become visible in id order: an append holds the head lock from taking its id until its
     * transaction ends, so the next id is taken only once the one before is committed (or rolled back and
     * taken again).
     */
    List<AuditedChange> changesAfter(Tx tx, long afterId, int limit) throws SQLException;
}
