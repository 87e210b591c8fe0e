package io.vpbx.admin.store;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The reads and writes every resource an account owns by id shares (departments, employees, end users, M2M
 * devices). Every read by id is scoped to an account, so another account's resource is simply absent.
 */
public interface AccountResourceStore<T> {
    void create(Tx tx, T resource) throws SQLException;

    Optional<T> find(Tx tx, String accountId, String id) throws SQLException;

    /** The resource, locked until the transaction ends. */
    Optional<T> lock(Tx tx, String accountId, String id) throws SQLException;

    /** An account's resources by id, after {@code afterId} (null: from the start), at most {@code limit}. */
    List<T> list(Tx tx, String accountId, String afterId, int limit) throws SQLException;

    /** Writes every field but the id, the account and the creation time. */
    void update(Tx tx, T resource) throws SQLException;

    /** Returns whether the resource existed in the account. */
    boolean delete(Tx tx, String accountId, String id) throws SQLException;
}
