package io.vpbx.admin.store;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.account.ApiKey;
import io.vpbx.admin.domain.account.Principal;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Accounts and the hashes of their API keys. */
public interface AccountStore {
    void create(Tx tx, Account account) throws SQLException;

    Optional<Account> find(Tx tx, String accountId) throws SQLException;

    /** The account, locked until the transaction ends. */
    Optional<Account> lock(Tx tx, String accountId) throws SQLException;

    /** Replaces the contact phone (E.164); the contact-phone change flow is its only caller after creation. */
    void setContactPhone(Tx tx, String accountId, String e164) throws SQLException;

    List<Account> list(Tx tx, String afterId, int limit) throws SQLException;

    /** Stores the key's hash (never its secret); {@code principal} tells whose key it is. */
    void addKey(Tx tx, ApiKey key, Principal principal, java.time.Instant at) throws SQLException;

    /** The holder of the key with this hash, unless revoked. */
    Optional<Principal> findByKeyHash(Tx tx, String keyHash) throws SQLException;

    boolean hasOperatorKey(Tx tx) throws SQLException;

    /** Whether a key with this hash was ever stored, revoked or not. */
    boolean hasKey(Tx tx, String keyHash) throws SQLException;
}
