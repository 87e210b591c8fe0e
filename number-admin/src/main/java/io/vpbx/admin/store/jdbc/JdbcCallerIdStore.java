package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.CallerIdStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class JdbcCallerIdStore implements CallerIdStore {

    @Override
    public Optional<String> find(Tx tx, String employeeId) throws SQLException {
        return IdQueries.firstString(tx, "SELECT e164 FROM caller_ids WHERE employee_id = ?", employeeId);
    }

    @Override
    public void put(Tx tx, String accountId, String employeeId, String e164) throws SQLException {
        delete(tx, employeeId);
        try (PreparedStatement st = tx.connection().prepareStatement(
                "INSERT INTO caller_ids (employee_id, account_id, e164) VALUES (?, ?, ?)")) {
            st.setString(1, employeeId);
            st.setString(2, accountId);
            st.setString(3, e164);
            st.executeUpdate();
        }
    }

    @Override
    public void delete(Tx tx, String employeeId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM caller_ids WHERE employee_id = ?")) {
            st.setString(1, employeeId);
            st.executeUpdate();
        }
    }

    @Override
    public List<NumberUser> usersOf(Tx tx, String e164) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT employee_id, account_id FROM caller_ids WHERE e164 = ? ORDER BY employee_id")) {
            st.setString(1, e164);
            List<NumberUser> users = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    users.add(new NumberUser("caller ID of employee", rs.getString(1), rs.getString(2)));
                }
            }
            return users;
        }
    }
}
