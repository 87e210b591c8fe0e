package io.vpbx.admin.store;

import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.Invitation;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** People who sign in (ADR 0030), their password hashes and their invitations. E-mail addresses are stored lowercased. */
public interface UserStore {
    /** Adds the person; false when the e-mail address is taken. */
    boolean add(Tx tx, AccountUser user) throws SQLException;

    Optional<AccountUser> find(Tx tx, String userId) throws SQLException;

    Optional<AccountUser> findByEmail(Tx tx, String email) throws SQLException;

    /** The people of an account (null: the operator's staff), by id after {@code afterId} (null: from the start). */
    List<AccountUser> list(Tx tx, String accountId, String afterId, int limit) throws SQLException;

    /** Writes name, role, contact phone, state and updated_at. */
    void update(Tx tx, AccountUser user) throws SQLException;

    void delete(Tx tx, String userId) throws SQLException;

    /** Active owners of the account (an invited owner cannot act yet, a disabled one no longer). */
    int owners(Tx tx, String accountId) throws SQLException;

    /** The Argon2id hash (PHC string) of the person's password; empty while invited. */
    Optional<String> passwordHash(Tx tx, String userId) throws SQLException;

    void setPasswordHash(Tx tx, String userId, String hash, Instant at) throws SQLException;

    void addInvitation(Tx tx, Invitation invitation) throws SQLException;

    Optional<Invitation> invitation(Tx tx, String tokenHash) throws SQLException;

    /** Marks the invitation used; false when it was used already (two accepts raced). */
    boolean acceptInvitation(Tx tx, String tokenHash, Instant at) throws SQLException;
}
