package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public final class JdbcEmployeeStore implements EmployeeStore {
    private static final String COLUMNS = "id, account_id, name, extension, sip_username, ha1_md5, ha1_sha256, mobile, "
            + "email, created_at, updated_at";
    /** SQLSTATE of a unique violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

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

    @Override
    public void create(Tx tx, Employee e) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO employees (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, e.id());
            st.setString(2, e.accountId());
            st.setString(3, e.name());
            st.setString(4, e.extension());
            st.setString(5, e.sipUsername());
            st.setString(6, e.credentials().ha1Md5());
            st.setString(7, e.credentials().ha1Sha256());
            st.setString(8, e.mobile());
            st.setString(9, e.email());
            st.setTimestamp(10, Timestamp.from(e.createdAt()));
            st.setTimestamp(11, Timestamp.from(e.updatedAt()));
            st.executeUpdate();
        } catch (SQLException failure) {
            throwIfTaken(failure, e);
            throw failure;
        }
    }

    @Override
    public Optional<Employee> find(Tx tx, String accountId, String employeeId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM employees WHERE id = ? AND account_id = ?", employeeId, accountId);
    }

    @Override
    public Optional<Employee> lock(Tx tx, String accountId, String employeeId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM employees WHERE id = ? AND account_id = ? FOR UPDATE", employeeId, accountId);
    }

    @Override
    public Optional<Employee> findByExtension(Tx tx, String accountId, String extension) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM employees WHERE extension = ? AND account_id = ?", extension, accountId);
    }

    @Override
    public Optional<Employee> findBySipUsername(Tx tx, String sipUsername) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM employees WHERE sip_username = ?", sipUsername);
    }

    @Override
    public List<Employee> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, JdbcEmployeeStore::rows, "SELECT " + COLUMNS + " FROM employees", accountId, afterId, limit);
    }

    @Override
    public Optional<Employee> findInAnyAccount(Tx tx, String employeeId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM employees WHERE id = ?", employeeId);
    }

    @Override
    public List<Employee> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException {
        return IdQueries.page(tx, JdbcEmployeeStore::rows, "SELECT " + COLUMNS + " FROM employees", afterId, limit);
    }

    @Override
    public void update(Tx tx, Employee e) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE employees SET name = ?, extension = ?, "
                + "sip_username = ?, ha1_md5 = ?, ha1_sha256 = ?, mobile = ?, email = ?, updated_at = ? WHERE id = ? AND account_id = ?")) {
            st.setString(1, e.name());
            st.setString(2, e.extension());
            st.setString(3, e.sipUsername());
            st.setString(4, e.credentials().ha1Md5());
            st.setString(5, e.credentials().ha1Sha256());
            st.setString(6, e.mobile());
            st.setString(7, e.email());
            st.setTimestamp(8, Timestamp.from(e.updatedAt()));
            st.setString(9, e.id());
            st.setString(10, e.accountId());
            if (st.executeUpdate() != 1) {
                throw new SQLException("employee " + e.id() + " vanished while being saved");
            }
        } catch (SQLException failure) {
            throwIfTaken(failure, e);
            throw failure;
        }
    }

    @Override
    public boolean delete(Tx tx, String accountId, String employeeId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM employees WHERE id = ? AND account_id = ?")) {
            st.setString(1, employeeId);
            st.setString(2, accountId);
            return st.executeUpdate() == 1;
        }
    }

    /**
     * Turns a unique violation into the conflict it stands for (two writers raced past the service's
     * check); any other failure is left to the caller. The constraint is told by which column name the
     * message mentions first: both databases name the constraint or index before any value or statement.
     */
    private static void throwIfTaken(SQLException failure, Employee e) {
        if (!UNIQUE_VIOLATION.equals(failure.getSQLState())) {
            return;
        }
        String message = String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT);
        int username = message.indexOf("sip_username");
        int extension = message.indexOf("extension");
        if (username >= 0 && (extension < 0 || username < extension)) {
            throw new ConflictException("sip_username: '" + e.sipUsername() + "' is already taken on this platform");
        }
        if (extension >= 0) {
            throw new ConflictException("extension: " + e.extension() + " is already taken in this account");
        }
    }

    private Optional<Employee> one(Tx tx, String sql, String... values) throws SQLException {
        return IdQueries.first(tx, JdbcEmployeeStore::rows, sql, values);
    }

    private static List<Employee> rows(PreparedStatement st) throws SQLException {
        List<Employee> employees = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                employees.add(new Employee(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                        rs.getString("extension"), rs.getString("sip_username"),
                        new DigestCredentials(rs.getString("ha1_md5"), rs.getString("ha1_sha256")), rs.getString("mobile"),
                        rs.getString("email"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()));
            }
        }
        return employees;
    }
}
