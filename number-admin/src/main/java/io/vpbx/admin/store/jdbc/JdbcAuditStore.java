package io.vpbx.admin.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.store.AuditStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

public final class JdbcAuditStore implements AuditStore {
    private final ObjectMapper mapper;

    public JdbcAuditStore(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public void append(Tx tx, AuditEvent event) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "INSERT INTO audit_events (at, account_id, actor, source_ip, request_id, action, resource_type, resource_id, changes) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setTimestamp(1, Timestamp.from(event.at()));
            st.setString(2, event.accountId());
            st.setString(3, event.actor());
            st.setString(4, event.sourceIp());
            st.setString(5, event.requestId());
            st.setString(6, event.action());
            st.setString(7, event.resourceType());
            st.setString(8, event.resourceId());
            st.setString(9, writeChanges(event.changes()));
            st.executeUpdate();
        }
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
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    events.add(new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("account_id"),
                            rs.getString("actor"), rs.getString("source_ip"), rs.getString("request_id"), rs.getString("action"),
                            rs.getString("resource_type"), rs.getString("resource_id"), readChanges(rs.getString("changes"))));
                }
            }
            return events;
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
