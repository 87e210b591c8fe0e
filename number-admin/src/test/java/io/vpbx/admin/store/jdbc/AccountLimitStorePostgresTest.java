package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.AccountLimitStoreContract;

class AccountLimitStorePostgresTest extends JdbcStoreTest implements AccountLimitStoreContract {
    AccountLimitStorePostgresTest() {
        super("postgresql");
    }
}
