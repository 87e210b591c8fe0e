package io.vpbx.admin.store;

import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.scenario.StoredScenario;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts' IVR scenarios, every version kept. A read without a version answers the current one. Every read by id
 * is scoped to an account (another account's scenario is simply absent), except those the routing table makes
 * across all accounts.
 */
public interface ScenarioStore {
    /**
     * Saves a new scenario as its version 1, with what that version refers to; a service code another scenario of the
     * account holds is a {@link io.vpbx.admin.domain.ConflictException} naming {@code service_code}.
     */
    void create(Tx tx, StoredScenario first, Set<String> references) throws SQLException;

    /**
     * Saves {@code next} (current version + 1) as the current version, its references and service code replacing the
     * previous ones (a code taken: as {@link #create}).
     */
    void addVersion(Tx tx, StoredScenario next, Set<String> references) throws SQLException;

    Optional<StoredScenario> find(Tx tx, String accountId, String id) throws SQLException;

    Optional<StoredScenario> find(Tx tx, String accountId, String id, int version) throws SQLException;

    /** The current version, the scenario locked until the transaction ends. */
    Optional<StoredScenario> lock(Tx tx, String accountId, String id) throws SQLException;

    boolean exists(Tx tx, String accountId, String id) throws SQLException;

    /** The account's scenario whose current version has the service code {@code code} ({@code *12}). */
    Optional<StoredScenario> findByServiceCode(Tx tx, String accountId, String code) throws SQLException;

    /** An account's scenarios (current versions) by id, after {@code afterId} (null: from the start), at most {@code limit}. */
    List<StoredScenario> list(Tx tx, String accountId, String afterId, int limit) throws SQLException;

    /** Every account's scenarios (current versions) by id, for the routing table. */
    List<StoredScenario> listAllAccounts(Tx tx, String afterId, int limit) throws SQLException;

    Optional<StoredScenario> findInAnyAccount(Tx tx, String id) throws SQLException;

    /** The scenarios whose current version refers to {@code reference} (a clip, employee, department, schedule, scenario). */
    List<NumberUser> usersOf(Tx tx, String reference) throws SQLException;

    /** Deletes the scenario with every version; returns whether it existed in the account. */
    boolean delete(Tx tx, String accountId, String id) throws SQLException;
}
