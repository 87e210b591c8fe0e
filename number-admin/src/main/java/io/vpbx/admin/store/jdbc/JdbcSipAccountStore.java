package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.SipAccount;
import io.vpbx.admin.store.SipAccountStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

public final class JdbcSipAccountStore implements SipAccountStore {
    private static final String SELECT = "SELECT id, sip_username, ha1_md5, ha1_sha256 FROM employees";
    private static final int FETCH_SIZE = 1_000;

    @Override
    public Optional<SipAccount> find(Tx tx, String employeeId) throws SQLException {
        return IdQueries.firstRow(tx, JdbcSipAccountStore::account, SELECT + " WHERE id = ?", employeeId);
    }

    @Override
    public int all(Tx tx, Consumer<SipAccount> sink) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(SELECT + " ORDER BY id")) {
            st.setFetchSize(FETCH_SIZE);
            int count = 0;
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sink.accept(account(rs));
                    count++;
                }
            }
            return count;
        }
    }

    private static SipAccount account(ResultSet rs) throws SQLException {
        return new SipAccount(rs.getString("id"), rs.getString("sip_username"),
                new DigestCredentials(rs.getString("ha1_md5"), rs.getString("ha1_sha256")));
    }
}
