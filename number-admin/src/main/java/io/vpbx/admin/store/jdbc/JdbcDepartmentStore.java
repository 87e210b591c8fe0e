package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.domain.staff.DepartmentMember;
import io.vpbx.admin.store.DepartmentStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

public final class JdbcDepartmentStore implements DepartmentStore {
    private static final String COLUMNS = "id, account_id, name, extension, strategy, created_at, updated_at";

    /** A departments row, before its members are read. */
    private record Row(String id, String accountId, String name, String extension, RingStrategy strategy,
                       Instant createdAt, Instant updatedAt) {
        Department with(List<DepartmentMember> members) {
            return new Department(id, accountId, name, extension, strategy, members, createdAt, updatedAt);
        }
    }

    @Override
    public boolean exists(Tx tx, String accountId, String departmentId) throws SQLException {
        return IdQueries.exists(tx, "SELECT 1 FROM departments WHERE id = ? AND account_id = ?", departmentId, accountId);
    }

    @Override
    public void create(Tx tx, Department d) throws SQLException {
        try {
            IdQueries.update(tx, "INSERT INTO departments (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", d.id(), d.accountId(),
                    d.name(), d.extension(), d.strategy().wireName(), Timestamp.from(d.createdAt()), Timestamp.from(d.updatedAt()));
        } catch (SQLException failure) {
            throwIfTaken(failure, d);
            throw failure;
        }
        insertMembers(tx, d);
    }

    @Override
    public Optional<Department> find(Tx tx, String accountId, String departmentId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM departments WHERE id = ? AND account_id = ?", departmentId, accountId);
    }

    @Override
    public Optional<Department> lock(Tx tx, String accountId, String departmentId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM departments WHERE id = ? AND account_id = ? FOR UPDATE", departmentId, accountId);
    }

    @Override
    public Optional<Department> findByExtension(Tx tx, String accountId, String extension) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM departments WHERE extension = ? AND account_id = ?", extension, accountId);
    }

    @Override
    public List<Department> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, st -> withMembers(tx, st), "SELECT " + COLUMNS + " FROM departments", accountId, afterId, limit);
    }

    @Override
    public Optional<Department> findInAnyAccount(Tx tx, String departmentId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM departments WHERE id = ?", departmentId);
    }

    @Override
    public List<Department> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException {
        return IdQueries.page(tx, st -> withMembers(tx, st), "SELECT " + COLUMNS + " FROM departments", afterId, limit);
    }

    @Override
    public void update(Tx tx, Department d) throws SQLException {
        try {
            IdQueries.updateOne(tx, "department " + d.id(), "UPDATE departments SET name = ?, extension = ?, strategy = ?, "
                    + "updated_at = ? WHERE id = ? AND account_id = ?", d.name(), d.extension(), d.strategy().wireName(),
                    Timestamp.from(d.updatedAt()), d.id(), d.accountId());
        } catch (SQLException failure) {
            throwIfTaken(failure, d);
            throw failure;
        }
        IdQueries.update(tx, "DELETE FROM department_members WHERE department_id = ?", d.id());
        insertMembers(tx, d);
    }

    @Override
    public boolean delete(Tx tx, String accountId, String departmentId) throws SQLException {
        // department_members go with it (ON DELETE CASCADE).
        return IdQueries.update(tx, "DELETE FROM departments WHERE id = ? AND account_id = ?", departmentId, accountId) == 1;
    }

    @Override
    public List<NumberUser> memberships(Tx tx, String employeeId) throws SQLException {
        return IdQueries.query(tx, rs -> new NumberUser("department", rs.getString(1), rs.getString(2)),
                "SELECT DISTINCT d.id, d.account_id FROM departments d JOIN department_members m ON m.department_id = d.id "
                        + "WHERE m.employee_id = ? ORDER BY d.id", employeeId);
    }

    private static void insertMembers(Tx tx, Department d) throws SQLException {
        if (d.members().isEmpty()) {
            return;
        }
        // At most Department.MAX_MEMBERS rows x 4 parameters: one statement.
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO department_members "
                + "(department_id, position, employee_id, ring_seconds) VALUES "
                + String.join(", ", Collections.nCopies(d.members().size(), "(?, ?, ?, ?)")))) {
            int i = 1;
            for (int position = 0; position < d.members().size(); position++) {
                DepartmentMember member = d.members().get(position);
                st.setString(i++, d.id());
                st.setInt(i++, position);
                st.setString(i++, member.employeeId());
                st.setInt(i++, member.ringSeconds());
            }
            st.executeUpdate();
        }
    }

    /** Turns a unique violation into the conflict it stands for; any other failure is left to the caller. */
    private static void throwIfTaken(SQLException failure, Department d) {
        if (IdQueries.isUniqueViolation(failure)
                && String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("extension")) {
            throw new ConflictException("extension: " + d.extension() + " is already taken in this account");
        }
    }

    private Optional<Department> one(Tx tx, String sql, String... values) throws SQLException {
        return IdQueries.first(tx, st -> withMembers(tx, st), sql, values);
    }

    /** Runs a query for department rows and fills in each department's members, in order, with one more query. */
    private static List<Department> withMembers(Tx tx, PreparedStatement st) throws SQLException {
        List<Row> rows = IdQueries.rows(st, rs -> new Row(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                rs.getString("extension"), RingStrategy.fromWire(rs.getString("strategy")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()));
        Map<String, List<DepartmentMember>> members = members(tx, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.with(members.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Map<String, List<DepartmentMember>> members(Tx tx, List<String> departmentIds) throws SQLException {
        return ChildRows.byParent(tx, "SELECT department_id, employee_id, ring_seconds FROM department_members",
                "department_id", departmentIds, rs -> new DepartmentMember(rs.getString(2), rs.getInt(3)));
    }
}
