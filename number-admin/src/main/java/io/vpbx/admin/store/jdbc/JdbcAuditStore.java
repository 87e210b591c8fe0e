package io.vpbx.admin.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.domain.audit.AuditChainVerifier;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditedChange;
import io.vpbx.admin.domain.audit.AuditExport;
import io.vpbx.admin.domain.audit.AuditHasher;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.domain.audit.ChainHead;
import io.vpbx.admin.domain.audit.ChainVerification;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.store.AuditStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log in the audit_events table, chained through the one-row audit_chain_head table: an
 * append locks the head (SELECT ... FOR UPDATE), takes the next id from it, inserts the entry with
 * its links and moves the head, all in the caller's transaction. Ids so come from the head, not from
 * the identity sequence, and have no gaps: a rolled-back append rolls back its head move too.
 *
 * <p>On PostgreSQL each append also sends a notification on {@link #NOTIFY_CHANNEL} with the entry's id, in the
 * same transaction: PostgreSQL delivers it at commit and drops it on rollback, so that other nodes listening
 * read the log the moment the change is visible (docs/adr/0033).
 */
public final class JdbcAuditStore implements AuditStore {
    private static final String CHAIN_COLUMNS = "id, at, account_id, actor, source_ip, request_id, action, resource_type, "
            + "resource_id, changes, prev_hash, entry_hash";
    private static final int VERIFY_PAGE = 1000;
    /** The channel every audit entry is announced on at commit (PostgreSQL only); the payload is the entry's id. */
    public static final String NOTIFY_CHANNEL = "vpbx_audit";

    private final ObjectMapper mapper;

    public JdbcAuditStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void append(Tx tx, AuditEvent event) throws SQLException {
        AuditChainEntry entry = AuditHasher.next(lockHead(tx), event, writeChanges(event.changes()));
        IdQueries.update(tx, "INSERT INTO audit_events (" + CHAIN_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                entry.id(), IdQueries.utc(entry.at()), entry.accountId(), entry.actor(), entry.sourceIp(), entry.requestId(),
                entry.action(), entry.resourceType(), entry.resourceId(), entry.changes(), entry.prevHash(), entry.entryHash());
        IdQueries.update(tx, "UPDATE audit_chain_head SET last_id = ?, last_hash = ? WHERE id = 1", entry.id(), entry.entryHash());
        if (isPostgres(tx)) {
            try (PreparedStatement notify = tx.connection().prepareStatement("SELECT pg_notify(?, ?)")) {
                notify.setString(1, NOTIFY_CHANNEL);
                notify.setString(2, Long.toString(entry.id()));
                notify.execute();
            }
        }
    }

    private static boolean isPostgres(Tx tx) throws SQLException {
        return "PostgreSQL".equals(tx.connection().getMetaData().getDatabaseProductName());
    }

    private ChainHead lockHead(Tx tx) throws SQLException {
        return readHead(tx, "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE");
    }

    @Override
    public ChainHead head(Tx tx) throws SQLException {
        return readHead(tx, "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1");
    }

    private static ChainHead readHead(Tx tx, String sql) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("audit_chain_head has no row 1; migration V5 seeds it");
            }
            return new ChainHead(rs.getLong("last_id"), rs.getString("last_hash"));
        }
    }

    @Override
    public ChainVerification verify(Tx tx) throws SQLException {
        ChainHead head = head(tx);
        AuditChainVerifier verifier = new AuditChainVerifier(head);
        AuditExport everything = new AuditExport(null, null, null, head.lastId());
        long afterId = Long.MIN_VALUE;
        while (true) {
            List<AuditChainEntry> page = export(tx, everything, afterId, VERIFY_PAGE);
            for (AuditChainEntry entry : page) {
                if (!verifier.accept(entry)) {
                    return verifier.finish();
                }
            }
            if (page.size() < VERIFY_PAGE) {
                return verifier.finish();
            }
            afterId = page.get(page.size() - 1).id();
        }
    }

    @Override
    public List<AuditChainEntry> export(Tx tx, AuditExport export, long afterId, int limit) throws SQLException {
        SqlFilter where = exportFilter(export).above("id", afterId);
        String sql = "SELECT " + CHAIN_COLUMNS + " FROM audit_events" + where.sql() + " ORDER BY id LIMIT ?";
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            st.setInt(where.bind(st, 1), limit);
            return IdQueries.rows(st, rs -> new AuditChainEntry(rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                    rs.getString("account_id"), rs.getString("actor"), rs.getString("source_ip"), rs.getString("request_id"),
                    rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                    rs.getString("changes"), rs.getString("prev_hash"), rs.getString("entry_hash")));
        }
    }

    @Override
    public long count(Tx tx, AuditExport export, long atMost) throws SQLException {
        SqlFilter where = exportFilter(export);
        String sql = "SELECT COUNT(*) FROM (SELECT id FROM audit_events" + where.sql() + " ORDER BY id LIMIT ?) bounded";
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            st.setLong(where.bind(st, 1), atMost);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public List<AuditedChange> changesAfter(Tx tx, long afterId, int limit) throws SQLException {
        return IdQueries.query(tx, rs -> new AuditedChange(rs.getLong("id"), rs.getString("resource_type"), rs.getString("resource_id")),
                "SELECT id, resource_type, resource_id FROM audit_events WHERE id > ? ORDER BY id LIMIT ?", afterId, limit);
    }

    private static SqlFilter exportFilter(AuditExport export) {
        return new SqlFilter()
                .atMost("id", export.upToId())
                .eq("account_id", export.accountId())
                .atLeast("at", IdQueries.utc(export.since()))
                .below("at", IdQueries.utc(export.until()));
    }


    @Override
    public List<AuditEvent> query(Tx tx, AuditQuery q) throws SQLException {
        SqlFilter where = new SqlFilter()
                .eq("account_id", q.accountId())
                .eq("resource_type", q.resourceType())
                .eq("resource_id", q.resourceId())
                .eq("action", q.action())
                .eq("actor", q.actor())
                .atLeast("at", q.since() == null ? null : Timestamp.from(q.since()))
                .below("at", q.until() == null ? null : Timestamp.from(q.until()))
                .below("id", q.beforeId());
        String sql = "SELECT id, at, account_id, actor, source_ip, request_id, action, resource_type, resource_id, changes "
                + "FROM audit_events" + where.sql() + " ORDER BY id DESC LIMIT ?";
        try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
            int next = where.bind(st, 1);
            st.setInt(next, q.limit());
            return IdQueries.rows(st, rs -> new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                    rs.getString("account_id"), rs.getString("actor"), rs.getString("source_ip"), rs.getString("request_id"),
                    rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
                    readChanges(rs.getString("changes"))));
        }
    }

    private String writeChanges(List<FieldChange> changes) {
        ArrayNode array = mapper.createArrayNode();
        for (FieldChange change : changes) {
            ObjectNode node = array.addObject().put("field", change.field());
            node.set("before", change.before());
            node.set("after", change.after());
        }
        return array.toString();
    }

    private List<FieldChange> readChanges(String json) throws SQLException {
        try {
            List<FieldChange> changes = new ArrayList<>();
            for (JsonNode node : mapper.readTree(json)) {
                changes.add(new FieldChange(node.get("field").asText(), node.get("before"), node.get("after")));
            }
            return changes;
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable audit changes", e);
        }
    }
}
