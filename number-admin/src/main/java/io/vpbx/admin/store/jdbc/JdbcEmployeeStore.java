package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

public final class JdbcEmployeeStore implements EmployeeStore {
    private static final String COLUMNS = "id, account_id, name, extension, sip_username, ha1_md5, ha1_sha256, mobile, "
            + "email, created_at, updated_at";

    @Override
    public boolean exists(Tx tx, String accountId, String employeeId) throws SQLException {
        return IdQueries.exists(tx, "SELECT 1 FROM employees WHERE id = ? AND account_id = ?", employeeId, accountId);
    }

    @Override
    public void create(Tx tx, Employee e) throws SQLException {
        try {
            IdQueries.update(tx, "INSERT INTO employees (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", e.id(),
                    e.accountId(), e.name(), e.extension(), e.sipUsername(), e.credentials().ha1Md5(),
                    e.credentials().ha1Sha256(), e.mobile(), e.email(), Timestamp.from(e.createdAt()),
                    Timestamp.from(e.updatedAt()));
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
        try {
            IdQueries.updateOne(tx, "employee " + e.id(), "UPDATE employees SET name = ?, extension = ?, sip_username = ?, "
                    + "ha1_md5 = ?, ha1_sha256 = ?, mobile = ?, email = ?, updated_at = ? WHERE id = ? AND account_id = ?",
                    e.name(), e.extension(), e.sipUsername(), e.credentials().ha1Md5(), e.credentials().ha1Sha256(),
                    e.mobile(), e.email(), Timestamp.from(e.updatedAt()), e.id(), e.accountId());
        } catch (SQLException failure) {
            throwIfTaken(failure, e);
            throw failure;
        }
    }

    @Override
    public boolean delete(Tx tx, String accountId, String employeeId) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM employees WHERE id = ? AND account_id = ?", employeeId, accountId) == 1;
    }

    /**
     * Turns a unique violation into the conflict it stands for (two writers raced past the service's
     * check); any other failure is left to the caller. The constraint is told by which column name the
     * message mentions first: both databases name the constraint or index before any value or statement.
     */
    private static void throwIfTaken(SQLException failure, Employee e) {
        if (!IdQueries.isUniqueViolation(failure)) {
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
        return IdQueries.rows(st, rs -> new Employee(rs.getString("id"), rs.getString("account_id"), rs.getString("name"),
                rs.getString("extension"), rs.getString("sip_username"),
                new DigestCredentials(rs.getString("ha1_md5"), rs.getString("ha1_sha256")), rs.getString("mobile"),
                rs.getString("email"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()));
    }
}
