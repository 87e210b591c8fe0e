package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public final class JdbcEmployeeStore implements EmployeeStore {

    @Override
    public boolean exists(Tx tx, String accountId, String employeeId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT 1 FROM employees WHERE id = ? AND account_id = ?")) {
            st.setString(1, employeeId);
            st.setString(2, accountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
