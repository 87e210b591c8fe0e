package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.forwarding.ForwardingConsent;
import io.vpbx.admin.store.ForwardingConsentStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;

public final class JdbcForwardingConsentStore implements ForwardingConsentStore {

    @Override
    public boolean grant(Tx tx, ForwardingConsent consent) throws SQLException {
        return IdQueries.update(tx, "INSERT INTO forwarding_consents (e164, holder_account_id, allowed_account_id, granted_at) "
                + "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM forwarding_consents WHERE e164 = ? AND allowed_account_id = ?)",
                consent.e164(), consent.holderAccountId(), consent.allowedAccountId(), Timestamp.from(consent.grantedAt()),
                consent.e164(), consent.allowedAccountId()) == 1;
    }

    @Override
    public boolean revoke(Tx tx, String e164, String allowedAccountId) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM forwarding_consents WHERE e164 = ? AND allowed_account_id = ?",
                e164, allowedAccountId) > 0;
    }

    @Override
    public void revokeAll(Tx tx, String e164) throws SQLException {
        IdQueries.update(tx, "DELETE FROM forwarding_consents WHERE e164 = ?", e164);
    }

    @Override
    public boolean allows(Tx tx, String e164, String holderAccountId, String allowedAccountId) throws SQLException {
        return IdQueries.exists(tx, "SELECT 1 FROM forwarding_consents WHERE e164 = ? AND holder_account_id = ? "
                + "AND allowed_account_id = ?", e164, holderAccountId, allowedAccountId);
    }

    @Override
    public List<ForwardingConsent> list(Tx tx, String e164, String holderAccountId) throws SQLException {
        return IdQueries.query(tx, rs -> new ForwardingConsent(rs.getString(1), rs.getString(2), rs.getString(3),
                rs.getTimestamp(4).toInstant()), "SELECT e164, holder_account_id, allowed_account_id, granted_at "
                + "FROM forwarding_consents WHERE e164 = ? AND holder_account_id = ? ORDER BY allowed_account_id",
                e164, holderAccountId);
    }
}
