package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.scenario.StoredScenario;
import io.vpbx.admin.store.ScenarioStore;
import io.vpbx.admin.store.Tx;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

public final class JdbcScenarioStore implements ScenarioStore {
    private static final String SELECT = "SELECT s.id, s.account_id, v.version, s.name, v.definition, s.created_at, "
            + "v.created_at AS saved_at, s.service_code FROM scenarios s JOIN scenario_versions v ON v.scenario_id = s.id";
    private static final String CURRENT = SELECT + " AND v.version = s.current_version";

    @Override
    public void create(Tx tx, StoredScenario first, Set<String> references) throws SQLException {
        try {
            IdQueries.update(tx, "INSERT INTO scenarios (id, account_id, name, current_version, created_at, updated_at, "
                            + "service_code) VALUES (?, ?, ?, ?, ?, ?, ?)", first.id(), first.accountId(), first.name(),
                    first.version(), IdQueries.timestamp(first.createdAt()), IdQueries.timestamp(first.savedAt()),
                    first.serviceCode());
        } catch (SQLException failure) {
            throwIfTaken(failure, first);
            throw failure;
        }
        insertVersion(tx, first);
        insertReferences(tx, first.id(), references);
    }

    @Override
    public void addVersion(Tx tx, StoredScenario next, Set<String> references) throws SQLException {
        insertVersion(tx, next);
        try {
            IdQueries.updateOne(tx, "scenario " + next.id(), "UPDATE scenarios SET name = ?, current_version = ?, "
                            + "updated_at = ?, service_code = ? WHERE id = ? AND account_id = ?", next.name(), next.version(),
                    IdQueries.timestamp(next.savedAt()), next.serviceCode(), next.id(), next.accountId());
        } catch (SQLException failure) {
            throwIfTaken(failure, next);
            throw failure;
        }
        IdQueries.update(tx, "DELETE FROM scenario_references WHERE scenario_id = ?", next.id());
        insertReferences(tx, next.id(), references);
    }

    private static void insertVersion(Tx tx, StoredScenario version) throws SQLException {
        IdQueries.update(tx, "INSERT INTO scenario_versions (scenario_id, version, definition, created_at) VALUES (?, ?, ?, ?)",
                version.id(), version.version(), version.definition(), IdQueries.timestamp(version.savedAt()));
    }

    private static void insertReferences(Tx tx, String scenarioId, Set<String> references) throws SQLException {
        for (String reference : new TreeSet<>(references)) {
            IdQueries.update(tx, "INSERT INTO scenario_references (scenario_id, reference) VALUES (?, ?)", scenarioId, reference);
        }
    }

    @Override
    public Optional<StoredScenario> find(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.firstRow(tx, JdbcScenarioStore::row, CURRENT + " WHERE s.id = ? AND s.account_id = ?", id, accountId);
    }

    @Override
    public Optional<StoredScenario> find(Tx tx, String accountId, String id, int version) throws SQLException {
        return IdQueries.firstRow(tx, JdbcScenarioStore::row, SELECT + " WHERE s.id = ? AND s.account_id = ? AND v.version = ?",
                id, accountId, version);
    }

    @Override
    public Optional<StoredScenario> lock(Tx tx, String accountId, String id) throws SQLException {
        // lock the scenario's own row (a join cannot be locked FOR UPDATE on every database), then read the version
        if (!IdQueries.exists(tx, "SELECT id FROM scenarios WHERE id = ? AND account_id = ? FOR UPDATE", id, accountId)) {
            return Optional.empty();
        }
        return find(tx, accountId, id);
    }

    @Override
    public boolean exists(Tx tx, String accountId, String id) throws SQLException {
        return IdQueries.exists(tx, "SELECT 1 FROM scenarios WHERE id = ? AND account_id = ?", id, accountId);
    }

    @Override
    public Optional<StoredScenario> findByServiceCode(Tx tx, String accountId, String code) throws SQLException {
        return IdQueries.firstRow(tx, JdbcScenarioStore::row, CURRENT + " WHERE s.account_id = ? AND s.service_code = ?",
                accountId, code);
    }

    /** A unique violation on insert or update can only be the service code: two saves raced past the service's check. */
    private static void throwIfTaken(SQLException failure, StoredScenario scenario) {
        if (IdQueries.isUniqueViolation(failure) && scenario.serviceCode() != null
                && String.valueOf(failure.getMessage()).toLowerCase(Locale.ROOT).contains("service_code")) {
            throw new ConflictException("service_code: " + scenario.serviceCode() + " is already taken in this account",
                    List.of(), "service_code");
        }
    }

    @Override
    public List<StoredScenario> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.query(tx, JdbcScenarioStore::row, CURRENT + " WHERE s.account_id = ? AND s.id > ? ORDER BY s.id LIMIT ?",
                accountId, afterId == null ? "" : afterId, limit);
    }

    @Override
    public List<StoredScenario> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException {
        return IdQueries.query(tx, JdbcScenarioStore::row, CURRENT + " WHERE s.id > ? ORDER BY s.id LIMIT ?",
                afterId == null ? "" : afterId, limit);
    }

    @Override
    public Optional<StoredScenario> findInAnyAccount(Tx tx, String id) throws SQLException {
        return IdQueries.firstRow(tx, JdbcScenarioStore::row, CURRENT + " WHERE s.id = ?", id);
    }

    @Override
    public List<NumberUser> usersOf(Tx tx, String reference) throws SQLException {
        return IdQueries.query(tx, rs -> new NumberUser("scenario", rs.getString(1), rs.getString(2)),
                "SELECT s.id, s.account_id FROM scenario_references r JOIN scenarios s ON s.id = r.scenario_id "
                        + "WHERE r.reference = ? ORDER BY s.id", reference);
    }

    @Override
    public boolean delete(Tx tx, String accountId, String id) throws SQLException {
        if (!exists(tx, accountId, id)) {
            return false;
        }
        IdQueries.update(tx, "DELETE FROM scenario_references WHERE scenario_id = ?", id);
        IdQueries.update(tx, "DELETE FROM scenario_versions WHERE scenario_id = ?", id);
        return IdQueries.update(tx, "DELETE FROM scenarios WHERE id = ? AND account_id = ?", id, accountId) == 1;
    }

    private static StoredScenario row(ResultSet rs) throws SQLException {
        return new StoredScenario(rs.getString("id"), rs.getString("account_id"), rs.getInt("version"), rs.getString("name"),
                rs.getString("definition"), IdQueries.instant(rs, "created_at"), IdQueries.instant(rs, "saved_at"),
                rs.getString("service_code"));
    }
}
