package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.PeopleStoreContract;

class PeopleStorePostgresTest extends JdbcStoreTest implements PeopleStoreContract {
    PeopleStorePostgresTest() {
        super("postgresql");
    }
}
