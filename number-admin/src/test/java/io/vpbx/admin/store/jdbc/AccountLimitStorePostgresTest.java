package io.vpbx.admin.store.jdbc;

class AccountLimitStorePostgresTest extends AccountLimitStoreContract {
    AccountLimitStorePostgresTest() {
        super("postgresql");
    }
}
