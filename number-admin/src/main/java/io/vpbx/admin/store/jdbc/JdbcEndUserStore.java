package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.DocumentStatus;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.domain.identity.Jurisdiction;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import io.vpbx.admin.domain.identity.KeyRing;

/**
 * End users in the end_users table; the document columns hold only what the service sealed and masked, and the
 * personal data (full names, address, birth date) is sealed here on its way in and opened on its way out.
 */
public final class JdbcEndUserStore implements EndUserStore {
    private final SealedColumns sealed;

    /** {@code keyRing}: the document key ring, asked for on each use (keys are loaded after the object graph is built). */
    public JdbcEndUserStore(Supplier<KeyRing> keyRing) {
        this.sealed = new SealedColumns(keyRing);
    }

    private static final String COLUMNS = "id, account_id, kind, relation, jurisdiction, full_name, birth_date, address, "
            + "contact_phone, contact_email, document_type, document_sealed, document_fingerprint, document_last4, "
            + "document_expires_on, document_status, document_status_reason, agent_full_name, agent_document_type, "
            + "agent_document_sealed, agent_document_last4, agent_document_expires_on, authorization_letter, created_at, updated_at, "
            + "last_number_released_at, anonymized_at, birth_date_sealed";
    private static final String UPDATES = "kind = ?, relation = ?, jurisdiction = ?, full_name = ?, birth_date = ?, address = ?, "
            + "contact_phone = ?, contact_email = ?, document_type = ?, document_sealed = ?, document_fingerprint = ?, "
            + "document_last4 = ?, document_expires_on = ?, document_status = ?, document_status_reason = ?, agent_full_name = ?, "
            + "agent_document_type = ?, agent_document_sealed = ?, agent_document_last4 = ?, agent_document_expires_on = ?, "
            + "authorization_letter = ?, "
            + "updated_at = ?, last_number_released_at = ?, anonymized_at = ?, birth_date_sealed = ?";

    @Override
    public void create(Tx tx, EndUser u) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO end_users (" + COLUMNS + ") VALUES ("
                + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, u.id());
            st.setString(2, u.accountId());
            int next = bindFields(st, 3, u);
            st.setObject(next, IdQueries.utc(u.createdAt()));
            bindTimes(st, next + 1, u);
            st.executeUpdate();
        }
    }

    @Override
    public Optional<EndUser> find(Tx tx, String accountId, String endUserId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM end_users WHERE id = ? AND account_id = ?", endUserId, accountId);
    }

    @Override
    public Optional<EndUser> lock(Tx tx, String accountId, String endUserId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM end_users WHERE id = ? AND account_id = ? FOR UPDATE", endUserId, accountId);
    }

    @Override
    public Optional<EndUser> lockInAnyAccount(Tx tx, String endUserId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM end_users WHERE id = ? FOR UPDATE", endUserId);
    }

    /** Writes every field but the id, the account and the creation time. */
    @Override
    public void update(Tx tx, EndUser u) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE end_users SET " + UPDATES
                + " WHERE id = ? AND account_id = ?")) {
            int next = bindTimes(st, bindFields(st, 1, u), u);
            st.setString(next, u.id());
            st.setString(next + 1, u.accountId());
            if (st.executeUpdate() != 1) {
                throw new SQLException("end user " + u.id() + " vanished while being saved");
            }
        }
        // Bindings keep a copy of the fingerprint for per-document quotas; a replaced document moves them along.
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE number_bindings SET document_fingerprint = ? "
                + "WHERE holder_type = 'end_user' AND holder_id = ? AND document_fingerprint <> ?")) {
            st.setString(1, u.documentFingerprint());
            st.setString(2, u.id());
            st.setString(3, u.documentFingerprint());
            st.executeUpdate();
        }
    }

    @Override
    public boolean delete(Tx tx, String accountId, String endUserId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM end_users WHERE id = ? AND account_id = ?")) {
            st.setString(1, endUserId);
            st.setString(2, accountId);
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public List<NumberUser> bindingsOf(Tx tx, String endUserId) throws SQLException {
        return HolderBindings.of(tx, Binding.HolderType.END_USER, endUserId);
    }

    @Override
    public List<EndUser> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, this::rows, "SELECT " + COLUMNS + " FROM end_users", accountId, afterId, limit);
    }

    @Override
    public List<EndUser> sealedWithOtherKeys(Tx tx, String keyId, int limit) throws SQLException {
        String current = "v1:" + keyId + ":%";
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM end_users "
                + "WHERE anonymized_at IS NULL AND (document_sealed NOT LIKE ? OR (agent_document_sealed IS NOT NULL "
                + "AND agent_document_sealed NOT LIKE ?) OR full_name NOT LIKE ? OR (address IS NOT NULL AND address NOT LIKE ?) "
                + "OR (birth_date IS NOT NULL AND birth_date_sealed IS NULL) OR birth_date_sealed NOT LIKE ?) "
                + "ORDER BY id LIMIT ? FOR UPDATE")) {
            st.setString(1, current);
            st.setString(2, current);
            st.setString(3, current);
            st.setString(4, current);
            st.setString(5, current);
            st.setInt(6, limit);
            return rows(st);
        }
    }

    @Override
    public List<EndUser> withExpiredDocuments(Tx tx, LocalDate today, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM end_users "
                + "WHERE document_status = ? AND (document_expires_on < ? OR agent_document_expires_on < ?) ORDER BY CASE WHEN "
                + "agent_document_expires_on IS NULL OR document_expires_on < agent_document_expires_on THEN document_expires_on "
                + "ELSE agent_document_expires_on END, id LIMIT ?")) {
            st.setString(1, DocumentStatus.VALID.wireName());
            st.setObject(2, today);
            st.setObject(3, today);
            st.setInt(4, limit);
            return rows(st);
        }
    }

    @Override
    public List<EndUser> withDocumentsExpiringOn(Tx tx, LocalDate day, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM end_users "
                + "WHERE document_status = ? AND (document_expires_on = ? OR agent_document_expires_on = ?) ORDER BY id LIMIT ?")) {
            st.setString(1, DocumentStatus.VALID.wireName());
            st.setObject(2, day);
            st.setObject(3, day);
            st.setInt(4, limit);
            return rows(st);
        }
    }

    @Override
    public List<EndUser> dueForErasure(Tx tx, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT " + COLUMNS + " FROM end_users u "
                + "WHERE u.anonymized_at IS NULL AND u.last_number_released_at < ? AND NOT EXISTS "
                + "(SELECT 1 FROM number_bindings b WHERE b.holder_type = ? AND b.holder_id = u.id) "
                + "ORDER BY u.last_number_released_at, u.id LIMIT ?")) {
            st.setObject(1, IdQueries.utc(cutoff));
            st.setString(2, Binding.HolderType.END_USER.wireName());
            st.setInt(3, limit);
            return rows(st);
        }
    }

    /** Binds kind .. authorization_letter from {@code first} on; returns the next parameter index. */
    private int bindFields(PreparedStatement st, int first, EndUser u) throws SQLException {
        int i = first;
        st.setString(i++, u.kind().wireName());
        st.setString(i++, u.relation() == null ? null : u.relation().name().toLowerCase(Locale.ROOT));
        st.setString(i++, u.jurisdiction().name());
        st.setString(i++, sealed.seal(u.fullName()));
        st.setObject(i++, null);
        st.setString(i++, sealed.seal(u.address()));
        st.setString(i++, u.contactPhone());
        st.setString(i++, u.contactEmail());
        st.setString(i++, u.documentType());
        st.setString(i++, u.documentSealed());
        st.setString(i++, u.documentFingerprint());
        st.setString(i++, u.documentLast4());
        st.setObject(i++, u.documentExpiresOn());
        st.setString(i++, u.documentStatus().wireName());
        st.setString(i++, u.documentStatusReason());
        st.setString(i++, sealed.seal(u.agentFullName()));
        st.setString(i++, u.agentDocumentType());
        st.setString(i++, u.agentDocumentSealed());
        st.setString(i++, u.agentDocumentLast4());
        st.setObject(i++, u.agentDocumentExpiresOn());
        st.setString(i++, u.authorizationLetter());
        return i;
    }

    private int bindTimes(PreparedStatement st, int first, EndUser u) throws SQLException {
        int i = first;
        st.setObject(i++, IdQueries.utc(u.updatedAt()));
        st.setObject(i++, IdQueries.utc(u.lastNumberReleasedAt()));
        st.setObject(i++, IdQueries.utc(u.anonymizedAt()));
        st.setString(i++, u.birthDate() == null ? null : sealed.seal(u.birthDate().toString()));
        return i;
    }

    private Optional<EndUser> one(Tx tx, String sql, String... values) throws SQLException {
        return IdQueries.first(tx, this::rows, sql, values);
    }

    /** The birth date from its sealed column, or from the plain DATE column of a row written before sealing began. */
    private LocalDate birthDate(ResultSet rs) throws SQLException {
        String sealedDate = rs.getString("birth_date_sealed");
        return sealedDate != null ? LocalDate.parse(sealed.open(sealedDate)) : rs.getObject("birth_date", LocalDate.class);
    }

    private List<EndUser> rows(PreparedStatement st) throws SQLException {
        List<EndUser> users = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                String relation = rs.getString("relation");
                users.add(new EndUser(rs.getString("id"), rs.getString("account_id"), HolderKind.fromWire(rs.getString("kind")),
                        relation == null ? null : EndUser.Relation.valueOf(relation.toUpperCase(Locale.ROOT)),
                        Jurisdiction.valueOf(rs.getString("jurisdiction")), sealed.open(rs.getString("full_name")),
                        birthDate(rs), sealed.open(rs.getString("address")), rs.getString("contact_phone"),
                        rs.getString("contact_email"), rs.getString("document_type"), rs.getString("document_sealed"),
                        rs.getString("document_fingerprint"), rs.getString("document_last4"),
                        rs.getObject("document_expires_on", LocalDate.class),
                        DocumentStatus.fromWire(rs.getString("document_status")), rs.getString("document_status_reason"),
                        sealed.open(rs.getString("agent_full_name")), rs.getString("agent_document_type"),
                        rs.getString("agent_document_sealed"), rs.getString("agent_document_last4"),
                        rs.getObject("agent_document_expires_on", LocalDate.class),
                        rs.getString("authorization_letter"), instant(rs, "created_at"), instant(rs, "updated_at"),
                        instant(rs, "last_number_released_at"), instant(rs, "anonymized_at")));
            }
        }
        return users;
    }


    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
