package io.vpbx.admin.store.jdbc;

class AccountLimitStoreH2Test extends AccountLimitStoreContract {
    AccountLimitStoreH2Test() {
        super("h2");
    }
}
