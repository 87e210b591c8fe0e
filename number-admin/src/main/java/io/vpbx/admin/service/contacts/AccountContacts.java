package io.vpbx.admin.service.contacts;

import io.vpbx.admin.domain.contact.HolderContact;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.Optional;

/** The account itself as a contact holder: its holder id is the account's id. */
public final class AccountContacts implements ContactHolders {
    private final AccountStore accounts;

    public AccountContacts(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<HolderContact> lock(Tx tx, String accountId, String holderId) throws SQLException {
        if (!accountId.equals(holderId)) {
            return Optional.empty();
        }
        return accounts.lock(tx, accountId).map(account -> new HolderContact(account.contactPhone(), account.contactEmail()));
    }

    @Override
    public void changePhone(Tx tx, String accountId, String holderId, String e164) throws SQLException {
        accounts.setContactPhone(tx, accountId, e164);
    }
}
