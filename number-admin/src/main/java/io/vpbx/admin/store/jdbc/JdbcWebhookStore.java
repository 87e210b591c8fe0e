package io.vpbx.admin.store.jdbc;

import static io.vpbx.admin.store.jdbc.IdQueries.utc;
import static io.vpbx.admin.store.jdbc.IdQueries.utcInstant;

import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.domain.event.Webhook;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.WebhookStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Webhook subscriptions; the event types are one comma-separated column (always read with their subscription). */
public final class JdbcWebhookStore implements WebhookStore {
    private static final String COLUMNS = "id, account_id, url, events, enabled, secret_sealed, created_at, updated_at";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM webhooks";

    @Override
    public void create(Tx tx, Webhook w) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO webhooks (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, w.id());
            st.setString(2, w.accountId());
            st.setString(3, w.url());
            st.setString(4, events(w));
            st.setBoolean(5, w.enabled());
            st.setString(6, w.sealedSecret());
            st.setObject(7, utc(w.createdAt()));
            st.setObject(8, utc(w.updatedAt()));
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Webhook> find(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.first(tx, JdbcWebhookStore::rows, SELECT + " WHERE account_id = ? AND id = ?", accountId, id);
    }

    @Override
    public Optional<Webhook> lock(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.first(tx, JdbcWebhookStore::rows, SELECT + " WHERE account_id = ? AND id = ? FOR UPDATE", accountId, id);
    }

    @Override
    public Optional<Webhook> findAny(Tx tx, String id) throws SQLException {
        return IdQueries.first(tx, JdbcWebhookStore::rows, SELECT + " WHERE id = ?", id);
    }

    @Override
    public List<Webhook> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, JdbcWebhookStore::rows, SELECT, accountId, afterId, limit);
    }

    @Override
    public List<Webhook> enabledOf(Tx tx, String accountId) throws SQLException {
        return IdQueries.select(tx, JdbcWebhookStore::rows, SELECT + " WHERE account_id = ? AND enabled = TRUE ORDER BY id",
                accountId);
    }

    @Override
    public void update(Tx tx, Webhook w) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE webhooks SET url = ?, events = ?, enabled = ?, "
                + "secret_sealed = ?, updated_at = ? WHERE account_id = ? AND id = ?")) {
            st.setString(1, w.url());
            st.setString(2, events(w));
            st.setBoolean(3, w.enabled());
            st.setString(4, w.sealedSecret());
            st.setObject(5, utc(w.updatedAt()));
            st.setString(6, w.accountId());
            st.setString(7, w.id());
            if (st.executeUpdate() != 1) {
                throw new SQLException("webhook " + w.id() + " vanished while being saved");
            }
        }
    }

    @Override
    public boolean delete(Tx tx, String accountId, String id) throws SQLException {
        // its deliveries go with it (ON DELETE CASCADE)
        return IdQueries.update(tx, "DELETE FROM webhooks WHERE account_id = ? AND id = ?", accountId, id) == 1;
    }

    private static String events(Webhook w) {
        return w.orderedEvents().stream().map(EventType::wireName).collect(Collectors.joining(","));
    }

    private static List<Webhook> rows(PreparedStatement st) throws SQLException {
        return IdQueries.rows(st, JdbcWebhookStore::row);
    }

    private static Webhook row(ResultSet rs) throws SQLException {
        String events = rs.getString("events");
        Set<EventType> types = events.isEmpty() ? Set.of() : Arrays.stream(events.split(","))
                .map(name -> EventType.ofWire(name).orElseThrow(() -> new IllegalStateException("unknown event type " + name + " stored")))
                .collect(Collectors.toSet());
        return new Webhook(rs.getString("id"), rs.getString("account_id"), rs.getString("url"), types, rs.getBoolean("enabled"),
                rs.getString("secret_sealed"), utcInstant(rs, "created_at"), utcInstant(rs, "updated_at"));
    }
}
