package io.vpbx.admin.store.jdbc;

class EndUserStorePostgresTest extends EndUserStoreContract {
    EndUserStorePostgresTest() {
        super("postgresql");
    }
}
