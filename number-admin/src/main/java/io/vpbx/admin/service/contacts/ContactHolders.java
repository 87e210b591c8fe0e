package io.vpbx.admin.service.contacts;

import io.vpbx.admin.domain.contact.HolderContact;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.Optional;

/**
 * One kind of holder whose contact phone changes through one-time codes: accounts now
 * ({@link AccountContacts}); end users join with one more implementation over their store, registered
 * under {@code ContactHolderKind.END_USER} where {@code AdminModule} builds the map of holders.
 */
public interface ContactHolders {

    /** The holder's phone and email on file, locked until the transaction ends; empty when the account has no such holder. */
    Optional<HolderContact> lock(Tx tx, String accountId, String holderId) throws SQLException;

    /** Replaces the holder's contact phone (E.164). */
    void changePhone(Tx tx, String accountId, String holderId, String e164) throws SQLException;
}
