package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.DepartmentStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public final class JdbcDepartmentStore implements DepartmentStore {

    @Override
    public boolean exists(Tx tx, String accountId, String departmentId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT 1 FROM departments WHERE id = ? AND account_id = ?")) {
            st.setString(1, departmentId);
            st.setString(2, accountId);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }
}
