package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.TrunkStoreContract;

class TrunkStorePostgresTest extends JdbcStoreTest implements TrunkStoreContract {
    TrunkStorePostgresTest() {
        super("postgresql");
    }
}
