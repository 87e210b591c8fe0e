package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.contact.ContactChangeStatus;
import io.vpbx.admin.domain.contact.ContactHolderKind;
import io.vpbx.admin.domain.contact.ContactPhoneChange;
import io.vpbx.admin.store.ContactChangeStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class JdbcContactChangeStore implements ContactChangeStore {
    private static final String COLUMNS = "id, holder_kind, holder_id, account_id, old_phone, new_phone, old_code_hash, "
            + "new_code_hash, salt, attempts_left, expires_at, status, operator_verified_by, created_at, completed_at, "
            + "flagged, flag_reason";
    private static final String HOLDER = "account_id = ? AND holder_kind = ? AND holder_id = ?";

    @Override
    public void create(Tx tx, ContactPhoneChange c) throws SQLException {
        IdQueries.update(tx, "INSERT INTO contact_phone_changes (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", c.id(), c.holderKind().wireName(), c.holderId(),
                c.accountId(), c.oldPhone(), c.newPhone(), c.oldCodeHash(), c.newCodeHash(), c.salt(), c.attemptsLeft(),
                Timestamp.from(c.expiresAt()), c.status().wireName(), c.operatorVerifiedBy(), Timestamp.from(c.createdAt()),
                IdQueries.timestamp(c.completedAt()), c.flagged(), c.flagReason());
    }

    @Override
    public Optional<ContactPhoneChange> find(Tx tx, String changeId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcContactChangeStore::change, "SELECT " + COLUMNS
                + " FROM contact_phone_changes WHERE id = ?", changeId);
    }

    @Override
    public Optional<ContactPhoneChange> lock(Tx tx, String changeId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcContactChangeStore::change, "SELECT " + COLUMNS
                + " FROM contact_phone_changes WHERE id = ? FOR UPDATE", changeId);
    }

    @Override
    public Optional<ContactPhoneChange> findPending(Tx tx, String accountId, ContactHolderKind kind, String holderId)
            throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM contact_phone_changes WHERE "
                + HOLDER + " AND status = ? ORDER BY created_at DESC, id DESC LIMIT 1")) {
            int next = bindHolder(st, accountId, kind, holderId);
            st.setString(next, ContactChangeStatus.PENDING.wireName());
            return IdQueries.rows(st, JdbcContactChangeStore::change).stream().findFirst();
        }
    }

    @Override
    public Optional<Instant> lastCompletedAt(Tx tx, String accountId, ContactHolderKind kind, String holderId)
            throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT MAX(completed_at) AS last_completed "
                + "FROM contact_phone_changes WHERE " + HOLDER + " AND status = ?")) {
            int next = bindHolder(st, accountId, kind, holderId);
            st.setString(next, ContactChangeStatus.COMPLETED.wireName());
            try (ResultSet rs = st.executeQuery()) {
                Timestamp last = rs.next() ? rs.getTimestamp("last_completed") : null;
                return Optional.ofNullable(last).map(Timestamp::toInstant);
            }
        }
    }

    @Override
    public void update(Tx tx, ContactPhoneChange c) throws SQLException {
        IdQueries.update(tx, "UPDATE contact_phone_changes SET status = ?, attempts_left = ?, operator_verified_by = ?, "
                + "completed_at = ? WHERE id = ?", c.status().wireName(), c.attemptsLeft(), c.operatorVerifiedBy(),
                IdQueries.timestamp(c.completedAt()), c.id());
    }

    @Override
    public List<ContactPhoneChange> history(Tx tx, String accountId, ContactHolderKind kind, String holderId, Cursor after,
                                            int limit) throws SQLException {
        String page = after == null ? "" : " AND (created_at < ? OR (created_at = ? AND id < ?))";
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM contact_phone_changes WHERE "
                + HOLDER + page + " ORDER BY created_at DESC, id DESC LIMIT ?")) {
            int next = bindHolder(st, accountId, kind, holderId);
            if (after != null) {
                st.setTimestamp(next++, Timestamp.from(after.createdAt()));
                st.setTimestamp(next++, Timestamp.from(after.createdAt()));
                st.setString(next++, after.id());
            }
            st.setInt(next, limit);
            return IdQueries.rows(st, JdbcContactChangeStore::change);
        }
    }

    private static int bindHolder(PreparedStatement st, String accountId, ContactHolderKind kind, String holderId)
            throws SQLException {
        st.setString(1, accountId);
        st.setString(2, kind.wireName());
        st.setString(3, holderId);
        return 4;
    }

    private static ContactPhoneChange change(ResultSet rs) throws SQLException {
        return new ContactPhoneChange(rs.getString("id"), ContactHolderKind.fromWire(rs.getString("holder_kind")),
                rs.getString("holder_id"), rs.getString("account_id"), rs.getString("old_phone"), rs.getString("new_phone"),
                rs.getString("old_code_hash"), rs.getString("new_code_hash"), rs.getString("salt"), rs.getInt("attempts_left"),
                rs.getTimestamp("expires_at").toInstant(), ContactChangeStatus.fromWire(rs.getString("status")),
                rs.getString("operator_verified_by"), rs.getTimestamp("created_at").toInstant(),
                IdQueries.instant(rs, "completed_at"), rs.getBoolean("flagged"), rs.getString("flag_reason"));
    }
}
