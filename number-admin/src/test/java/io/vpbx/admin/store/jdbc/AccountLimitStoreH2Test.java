package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.AccountLimitStoreContract;

class AccountLimitStoreH2Test extends JdbcStoreTest implements AccountLimitStoreContract {
    AccountLimitStoreH2Test() {
        super("h2");
    }
}
