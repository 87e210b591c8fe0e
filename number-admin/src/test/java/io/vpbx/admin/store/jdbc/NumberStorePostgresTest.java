package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.NumberStoreContract;

class NumberStorePostgresTest extends JdbcStoreTest implements NumberStoreContract {
    NumberStorePostgresTest() {
        super("postgresql");
    }
}
