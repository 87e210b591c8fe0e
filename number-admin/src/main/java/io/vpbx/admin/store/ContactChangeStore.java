package io.vpbx.admin.store;

import io.vpbx.admin.domain.contact.ContactHolderKind;
import io.vpbx.admin.domain.contact.ContactPhoneChange;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Contact-phone changes, kept after they end as the holders' history. A holder is named by the account
 * (the tenant), its kind and its id; reads for a holder never cross accounts.
 */
public interface ContactChangeStore {

    /** A position in a holder's history: the last item of the previous page. */
    record Cursor(Instant createdAt, String id) {
    }

    void create(Tx tx, ContactPhoneChange change) throws SQLException;

    /** The change with this id in any account. */
    Optional<ContactPhoneChange> find(Tx tx, String changeId) throws SQLException;

    /** The change with this id in any account, locked until the transaction ends. */
    Optional<ContactPhoneChange> lock(Tx tx, String changeId) throws SQLException;

    /** The holder's change still in status pending, if any (expired or not). */
    Optional<ContactPhoneChange> findPending(Tx tx, String accountId, ContactHolderKind kind, String holderId)
            throws SQLException;

    /** When the holder's last completed change completed. */
    Optional<Instant> lastCompletedAt(Tx tx, String accountId, ContactHolderKind kind, String holderId) throws SQLException;

    /** Writes what can change after the start: status, attempts left, operator verification, completion time. */
    void update(Tx tx, ContactPhoneChange change) throws SQLException;

    /** The holder's changes, newest first, after {@code after} (null: from the newest), at most {@code limit}. */
    List<ContactPhoneChange> history(Tx tx, String accountId, ContactHolderKind kind, String holderId, Cursor after, int limit)
            throws SQLException;
}
