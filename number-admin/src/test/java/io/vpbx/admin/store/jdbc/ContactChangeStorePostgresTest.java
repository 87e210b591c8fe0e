package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ContactChangeStoreContract;

class ContactChangeStorePostgresTest extends JdbcStoreTest implements ContactChangeStoreContract {
    ContactChangeStorePostgresTest() {
        super("postgresql");
    }
}
