package io.vpbx.admin.store.jdbc;

import static io.vpbx.admin.store.jdbc.IdQueries.utc;
import static io.vpbx.admin.store.jdbc.IdQueries.utcInstant;

import io.vpbx.admin.domain.contact.SmsDelivery;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.store.SmsQueueStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The SMS queue in SQL both databases run alike, claimed and settled as {@link JdbcMailQueueStore} does. */
public final class JdbcSmsQueueStore implements SmsQueueStore {
    private static final String COLUMNS = "id, recipient, text_sealed, state, attempts, next_attempt_at, last_error, created_at, sent_at";
    private static final int MAX_ERROR = 1000;
    private static final String QUEUED = DeliveryState.QUEUED.wireName();

    @Override
    public void enqueue(Tx tx, SmsDelivery d) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO sms_deliveries (recipient, text_sealed, state, "
                + "attempts, next_attempt_at, last_error, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, d.recipient());
            st.setString(2, d.sealedText());
            st.setString(3, d.state().wireName());
            st.setInt(4, d.attempts());
            st.setObject(5, utc(d.nextAttemptAt()));
            st.setString(6, d.lastError());
            st.setObject(7, utc(d.createdAt()));
            st.setObject(8, utc(d.sentAt()));
            st.executeUpdate();
        }
    }

    @Override
    public List<SmsDelivery> due(Tx tx, Instant now, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM sms_deliveries WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
            st.setString(1, QUEUED);
            st.setObject(2, utc(now));
            st.setInt(3, limit);
            return IdQueries.rows(st, JdbcSmsQueueStore::row);
        }
    }

    @Override
    public SmsDelivery claim(Tx tx, SmsDelivery candidate, Instant now, Instant leaseUntil) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE sms_deliveries SET attempts = attempts + 1, "
                + "next_attempt_at = ? WHERE id = ? AND state = ? AND next_attempt_at <= ?")) {
            st.setObject(1, utc(leaseUntil));
            st.setLong(2, candidate.id());
            st.setString(3, QUEUED);
            st.setObject(4, utc(now));
            if (st.executeUpdate() != 1) {
                return null;
            }
        }
        return IdQueries.firstRow(tx, JdbcSmsQueueStore::row, "SELECT " + COLUMNS + " FROM sms_deliveries WHERE id = ?",
                candidate.id()).orElse(null);
    }

    @Override
    public boolean markSent(Tx tx, SmsDelivery claimed, Instant at) throws SQLException {
        return settle(tx, claimed, DeliveryState.SENT, claimed.nextAttemptAt(), null, at);
    }

    @Override
    public boolean retryAt(Tx tx, SmsDelivery claimed, Instant next, String error) throws SQLException {
        return settle(tx, claimed, DeliveryState.QUEUED, next, error, null);
    }

    @Override
    public boolean markFailed(Tx tx, SmsDelivery claimed, String error) throws SQLException {
        return settle(tx, claimed, DeliveryState.FAILED, claimed.nextAttemptAt(), error, null);
    }

    private static boolean settle(Tx tx, SmsDelivery claimed, DeliveryState state, Instant next, String error, Instant sentAt)
            throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE sms_deliveries SET state = ?, next_attempt_at = ?, "
                + "last_error = COALESCE(?, last_error), sent_at = ? WHERE id = ? AND state = ? AND attempts = ?")) {
            st.setString(1, state.wireName());
            st.setObject(2, utc(next));
            st.setString(3, error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR));
            st.setObject(4, utc(sentAt));
            st.setLong(5, claimed.id());
            st.setString(6, QUEUED);
            st.setInt(7, claimed.attempts());
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public List<SmsDelivery> all(Tx tx, int limit) throws SQLException {
        return IdQueries.query(tx, JdbcSmsQueueStore::row, "SELECT " + COLUMNS + " FROM sms_deliveries ORDER BY id LIMIT ?", limit);
    }

    private static SmsDelivery row(ResultSet rs) throws SQLException {
        return new SmsDelivery(rs.getLong("id"), rs.getString("recipient"), rs.getString("text_sealed"),
                DeliveryState.ofWire(rs.getString("state")), rs.getInt("attempts"), utcInstant(rs, "next_attempt_at"),
                rs.getString("last_error"), utcInstant(rs, "created_at"), utcInstant(rs, "sent_at"));
    }
}
