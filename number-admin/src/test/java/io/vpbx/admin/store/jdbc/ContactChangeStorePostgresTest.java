package io.vpbx.admin.store.jdbc;

class ContactChangeStorePostgresTest extends ContactChangeStoreContract {
    ContactChangeStorePostgresTest() {
        super("postgresql");
    }
}
