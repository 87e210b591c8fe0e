package io.vpbx.admin.store.jdbc;

import static io.vpbx.admin.store.jdbc.IdQueries.utc;
import static io.vpbx.admin.store.jdbc.IdQueries.utcInstant;

import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.store.MailQueueStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The mail queue in SQL both databases run alike: a claim is an UPDATE guarded by the row's state and due time
 * (no SELECT ... FOR UPDATE SKIP LOCKED, which H2 lacks), and each outcome is an UPDATE guarded by the attempt
 * number the claim wrote.
 */
public final class JdbcMailQueueStore implements MailQueueStore {
    private static final String COLUMNS = "id, voicemail_id, account_id, recipient, state, attempts, next_attempt_at, last_error, "
            + "created_at, sent_at";
    /** last_error's width in the table. */
    private static final int MAX_ERROR = 1000;
    private static final String QUEUED = DeliveryState.QUEUED.wireName();

    @Override
    public void enqueue(Tx tx, MailDelivery d) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO mail_deliveries (voicemail_id, account_id, "
                + "recipient, state, attempts, next_attempt_at, last_error, created_at, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, d.voicemailId());
            st.setString(2, d.accountId());
            st.setString(3, d.recipient());
            st.setString(4, d.state().wireName());
            st.setInt(5, d.attempts());
            st.setObject(6, utc(d.nextAttemptAt()));
            st.setString(7, clip(d.lastError()));
            st.setObject(8, utc(d.createdAt()));
            st.setObject(9, utc(d.sentAt()));
            st.executeUpdate();
        }
    }

    @Override
    public List<MailDelivery> due(Tx tx, Instant now, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM mail_deliveries WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT ?")) {
            st.setString(1, QUEUED);
            st.setObject(2, utc(now));
            st.setInt(3, limit);
            return rows(st);
        }
    }

    @Override
    public MailDelivery claim(Tx tx, MailDelivery candidate, Instant now, Instant leaseUntil) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE mail_deliveries SET attempts = attempts + 1, "
                + "next_attempt_at = ? WHERE id = ? AND state = ? AND next_attempt_at <= ?")) {
            st.setObject(1, utc(leaseUntil));
            st.setLong(2, candidate.id());
            st.setString(3, QUEUED);
            st.setObject(4, utc(now));
            if (st.executeUpdate() != 1) {
                return null;
            }
        }
        return one(tx, candidate.id());
    }

    @Override
    public boolean markSent(Tx tx, MailDelivery claimed, Instant at) throws SQLException {
        return settle(tx, claimed, DeliveryState.SENT, claimed.nextAttemptAt(), null, at);
    }

    @Override
    public boolean retryAt(Tx tx, MailDelivery claimed, Instant nextAttemptAt, String error) throws SQLException {
        return settle(tx, claimed, DeliveryState.QUEUED, nextAttemptAt, error, null);
    }

    @Override
    public boolean markFailed(Tx tx, MailDelivery claimed, String error) throws SQLException {
        return settle(tx, claimed, DeliveryState.FAILED, claimed.nextAttemptAt(), error, null);
    }

    /** Writes an outcome only while the row is still the one this attempt claimed. */
    private static boolean settle(Tx tx, MailDelivery claimed, DeliveryState state, Instant next, String error, Instant sentAt)
            throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE mail_deliveries SET state = ?, next_attempt_at = ?, "
                + "last_error = COALESCE(?, last_error), sent_at = ? WHERE id = ? AND state = ? AND attempts = ?")) {
            st.setString(1, state.wireName());
            st.setObject(2, utc(next));
            st.setString(3, clip(error));
            st.setObject(4, utc(sentAt));
            st.setLong(5, claimed.id());
            st.setString(6, QUEUED);
            st.setInt(7, claimed.attempts());
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public List<MailDelivery> ofVoicemail(Tx tx, String voicemailId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS
                + " FROM mail_deliveries WHERE voicemail_id = ? ORDER BY id")) {
            st.setString(1, voicemailId);
            return rows(st);
        }
    }

    @Override
    public long queued(Tx tx) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT COUNT(*) FROM mail_deliveries WHERE state = ?")) {
            st.setString(1, QUEUED);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static MailDelivery one(Tx tx, long id) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM mail_deliveries WHERE id = ?")) {
            st.setLong(1, id);
            List<MailDelivery> found = rows(st);
            return found.isEmpty() ? null : found.get(0);
        }
    }

    private static List<MailDelivery> rows(PreparedStatement st) throws SQLException {
        List<MailDelivery> found = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                found.add(new MailDelivery(rs.getLong("id"), rs.getString("voicemail_id"), rs.getString("account_id"),
                        rs.getString("recipient"), DeliveryState.ofWire(rs.getString("state")), rs.getInt("attempts"),
                        utcInstant(rs, "next_attempt_at"), rs.getString("last_error"), utcInstant(rs, "created_at"),
                        utcInstant(rs, "sent_at")));
            }
        }
        return found;
    }

    private static String clip(String error) {
        return error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 3) + "...";
    }
}
