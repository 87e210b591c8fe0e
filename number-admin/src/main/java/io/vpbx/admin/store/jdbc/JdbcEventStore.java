package io.vpbx.admin.store.jdbc;

import static io.vpbx.admin.store.jdbc.IdQueries.utc;
import static io.vpbx.admin.store.jdbc.IdQueries.utcInstant;

import io.vpbx.admin.domain.event.Event;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.domain.event.WebhookDelivery;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.store.EventStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The outbox and its delivery queue in SQL both databases run alike: a claim is an UPDATE guarded by the row's state
 * and due time, each outcome an UPDATE guarded by the attempt number the claim wrote (as {@link JdbcMailQueueStore}).
 */
public final class JdbcEventStore implements EventStore {
    private static final String DELIVERY_COLUMNS = "id, webhook_id, event_id, account_id, state, attempts, next_attempt_at, "
            + "last_status, last_error, created_at, sent_at";
    private static final int MAX_ERROR = 1000;
    private static final String QUEUED = DeliveryState.QUEUED.wireName();

    @Override
    public void append(Tx tx, Event e) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO events (id, account_id, type, occurred_at, data, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            st.setString(1, e.id());
            st.setString(2, e.accountId());
            st.setString(3, e.type().wireName());
            st.setObject(4, utc(e.occurredAt()));
            st.setString(5, e.data());
            st.setObject(6, utc(e.createdAt()));
            st.executeUpdate();
        }
    }

    @Override
    public Optional<Event> find(Tx tx, String eventId) throws SQLException {
        return IdQueries.firstRow(tx, rs -> new Event(rs.getString("id"), rs.getString("account_id"),
                EventType.ofWire(rs.getString("type")).orElseThrow(), utcInstant(rs, "occurred_at"), rs.getString("data"),
                utcInstant(rs, "created_at")), "SELECT id, account_id, type, occurred_at, data, created_at FROM events WHERE id = ?",
                eventId);
    }

    @Override
    public WebhookDelivery enqueue(Tx tx, WebhookDelivery d) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO webhook_deliveries (webhook_id, event_id, "
                + "account_id, state, attempts, next_attempt_at, last_status, last_error, created_at, sent_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            st.setString(1, d.webhookId());
            st.setString(2, d.eventId());
            st.setString(3, d.accountId());
            st.setString(4, d.state().wireName());
            st.setInt(5, d.attempts());
            st.setObject(6, utc(d.nextAttemptAt()));
            st.setInt(7, d.lastStatus());
            st.setString(8, clip(d.lastError()));
            st.setObject(9, utc(d.createdAt()));
            st.setObject(10, utc(d.sentAt()));
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new WebhookDelivery(id, d.webhookId(), d.eventId(), d.accountId(), d.state(), d.attempts(),
                        d.nextAttemptAt(), d.lastStatus(), d.lastError(), d.createdAt(), d.sentAt());
            }
        }
    }

    @Override
    public List<WebhookDelivery> due(Tx tx, Instant now, List<String> busy, int limit) throws SQLException {
        String notBusy = busy.isEmpty() ? "" : " AND webhook_id NOT IN (" + String.join(", ", Collections.nCopies(busy.size(), "?"))
                + ")";
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries "
                + "WHERE state = ? AND next_attempt_at <= ?" + notBusy + " ORDER BY next_attempt_at, id LIMIT ?")) {
            int i = 1;
            st.setString(i++, QUEUED);
            st.setObject(i++, utc(now));
            for (String webhookId : busy) {
                st.setString(i++, webhookId);
            }
            st.setInt(i, limit);
            return IdQueries.rows(st, JdbcEventStore::delivery);
        }
    }

    @Override
    public WebhookDelivery claim(Tx tx, WebhookDelivery candidate, Instant now, Instant leaseUntil) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE webhook_deliveries SET attempts = attempts + 1, "
                + "next_attempt_at = ? WHERE id = ? AND state = ? AND next_attempt_at <= ?")) {
            st.setObject(1, utc(leaseUntil));
            st.setLong(2, candidate.id());
            st.setString(3, QUEUED);
            st.setObject(4, utc(now));
            if (st.executeUpdate() != 1) {
                return null;
            }
        }
        return one(tx, candidate.id()).orElse(null);
    }

    @Override
    public boolean markSent(Tx tx, WebhookDelivery claimed, int status, Instant at) throws SQLException {
        return settle(tx, claimed, DeliveryState.SENT, claimed.nextAttemptAt(), status, null, at);
    }

    @Override
    public boolean retryAt(Tx tx, WebhookDelivery claimed, Instant next, int status, String error) throws SQLException {
        return settle(tx, claimed, DeliveryState.QUEUED, next, status, error, null);
    }

    @Override
    public boolean markFailed(Tx tx, WebhookDelivery claimed, int status, String error) throws SQLException {
        return settle(tx, claimed, DeliveryState.FAILED, claimed.nextAttemptAt(), status, error, null);
    }

    /** Writes an outcome only while the row is still the one this attempt claimed. */
    private static boolean settle(Tx tx, WebhookDelivery claimed, DeliveryState state, Instant next, int status, String error,
                                  Instant sentAt) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE webhook_deliveries SET state = ?, next_attempt_at = ?, "
                + "last_status = ?, last_error = ?, sent_at = ? WHERE id = ? AND state = ? AND attempts = ?")) {
            st.setString(1, state.wireName());
            st.setObject(2, utc(next));
            st.setInt(3, status);
            st.setString(4, clip(error));
            st.setObject(5, utc(sentAt));
            st.setLong(6, claimed.id());
            st.setString(7, QUEUED);
            st.setInt(8, claimed.attempts());
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<WebhookDelivery> delivery(Tx tx, String webhookId, long deliveryId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcEventStore::delivery, "SELECT " + DELIVERY_COLUMNS
                + " FROM webhook_deliveries WHERE webhook_id = ? AND id = ?", webhookId, deliveryId);
    }

    @Override
    public List<WebhookDelivery> ofWebhook(Tx tx, String webhookId, Long beforeId, int limit) throws SQLException {
        return IdQueries.query(tx, JdbcEventStore::delivery, "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries "
                + "WHERE webhook_id = ? AND id < ? ORDER BY id DESC LIMIT ?", webhookId, beforeId == null ? Long.MAX_VALUE : beforeId,
                limit);
    }

    @Override
    public long queued(Tx tx) throws SQLException {
        return IdQueries.firstRow(tx, rs -> rs.getLong(1), "SELECT COUNT(*) FROM webhook_deliveries WHERE state = ?", QUEUED)
                .orElse(0L);
    }

    @Override
    public int purge(Tx tx, Instant cutoff, int limit) throws SQLException {
        List<String> old;
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT id FROM events e WHERE created_at < ? AND NOT EXISTS "
                + "(SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.state = ?) ORDER BY created_at LIMIT ?")) {
            st.setObject(1, utc(cutoff));
            st.setString(2, QUEUED);
            st.setInt(3, limit);
            old = IdQueries.rows(st, rs -> rs.getString(1));
        }
        int deleted = 0;
        for (String id : old) {
            deleted += IdQueries.update(tx, "DELETE FROM events WHERE id = ?", id);
        }
        return deleted;
    }

    private static Optional<WebhookDelivery> one(Tx tx, long id) throws SQLException {
        return IdQueries.firstRow(tx, JdbcEventStore::delivery, "SELECT " + DELIVERY_COLUMNS + " FROM webhook_deliveries WHERE id = ?",
                id);
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getLong("id"), rs.getString("webhook_id"), rs.getString("event_id"), rs.getString("account_id"),
                DeliveryState.ofWire(rs.getString("state")), rs.getInt("attempts"), utcInstant(rs, "next_attempt_at"),
                rs.getInt("last_status"), rs.getString("last_error"), utcInstant(rs, "created_at"), utcInstant(rs, "sent_at"));
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 3) + "...";
    }
}
