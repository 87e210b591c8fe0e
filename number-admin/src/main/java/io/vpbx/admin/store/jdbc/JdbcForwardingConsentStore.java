package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.forwarding.ForwardingConsent;
import io.vpbx.admin.store.ForwardingConsentStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

public final class JdbcForwardingConsentStore implements ForwardingConsentStore {

    @Override
    public boolean grant(Tx tx, ForwardingConsent consent) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO forwarding_consents "
                + "(e164, holder_account_id, allowed_account_id, granted_at) SELECT ?, ?, ?, ? "
                + "WHERE NOT EXISTS (SELECT 1 FROM forwarding_consents WHERE e164 = ? AND allowed_account_id = ?)")) {
            st.setString(1, consent.e164());
            st.setString(2, consent.holderAccountId());
            st.setString(3, consent.allowedAccountId());
            st.setTimestamp(4, Timestamp.from(consent.grantedAt()));
            st.setString(5, consent.e164());
            st.setString(6, consent.allowedAccountId());
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public boolean revoke(Tx tx, String e164, String allowedAccountId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "DELETE FROM forwarding_consents WHERE e164 = ? AND allowed_account_id = ?")) {
            st.setString(1, e164);
            st.setString(2, allowedAccountId);
            return st.executeUpdate() > 0;
        }
    }

    @Override
    public void revokeAll(Tx tx, String e164) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM forwarding_consents WHERE e164 = ?")) {
            st.setString(1, e164);
            st.executeUpdate();
        }
    }

    @Override
    public boolean allows(Tx tx, String e164, String holderAccountId, String allowedAccountId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT 1 FROM forwarding_consents "
                + "WHERE e164 = ? AND holder_account_id = ? AND allowed_account_id = ?")) {
            st.setString(1, e164);
            st.setString(2, holderAccountId);
            st.setString(3, allowedAccountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Override
    public List<ForwardingConsent> list(Tx tx, String e164, String holderAccountId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT e164, holder_account_id, allowed_account_id, "
                + "granted_at FROM forwarding_consents WHERE e164 = ? AND holder_account_id = ? ORDER BY allowed_account_id")) {
            st.setString(1, e164);
            st.setString(2, holderAccountId);
            List<ForwardingConsent> consents = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    consents.add(new ForwardingConsent(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getTimestamp(4).toInstant()));
                }
            }
            return consents;
        }
    }
}
