package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.CallerIdStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JdbcCallerIdStore implements CallerIdStore {

    @Override
    public Optional<String> find(Tx tx, String employeeId) throws SQLException {
        return IdQueries.firstString(tx, "SELECT e164 FROM caller_ids WHERE employee_id = ?", employeeId);
    }

    @Override
    public void put(Tx tx, String accountId, String employeeId, String e164) throws SQLException {
        delete(tx, employeeId);
        IdQueries.update(tx, "INSERT INTO caller_ids (employee_id, account_id, e164) VALUES (?, ?, ?)", employeeId, accountId, e164);
    }

    @Override
    public void delete(Tx tx, String employeeId) throws SQLException {
        IdQueries.update(tx, "DELETE FROM caller_ids WHERE employee_id = ?", employeeId);
    }

    @Override
    public Map<String, String> all(Tx tx) throws SQLException {
        Map<String, String> byEmployee = new HashMap<>();
        for (String[] row : IdQueries.query(tx, rs -> new String[] {rs.getString(1), rs.getString(2)},
                "SELECT employee_id, e164 FROM caller_ids")) {
            byEmployee.put(row[0], row[1]);
        }
        return byEmployee;
    }

    @Override
    public List<NumberUser> usersOf(Tx tx, String e164) throws SQLException {
        return IdQueries.query(tx, rs -> new NumberUser("caller ID of employee", rs.getString(1), rs.getString(2)),
                "SELECT employee_id, account_id FROM caller_ids WHERE e164 = ? ORDER BY employee_id", e164);
    }
}
