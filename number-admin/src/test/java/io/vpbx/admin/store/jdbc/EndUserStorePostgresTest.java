package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.EndUserStoreContract;

class EndUserStorePostgresTest extends JdbcStoreTest implements EndUserStoreContract {
    EndUserStorePostgresTest() {
        super("postgresql");
    }
}
