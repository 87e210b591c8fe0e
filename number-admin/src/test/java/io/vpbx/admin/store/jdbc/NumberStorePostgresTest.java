package io.vpbx.admin.store.jdbc;

class NumberStorePostgresTest extends NumberStoreContract {
    NumberStorePostgresTest() {
        super("postgresql");
    }
}
