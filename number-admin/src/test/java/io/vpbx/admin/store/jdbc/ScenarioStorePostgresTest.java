package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ScenarioStoreContract;

class ScenarioStorePostgresTest extends JdbcStoreTest implements ScenarioStoreContract {
    ScenarioStorePostgresTest() {
        super("postgresql");
    }
}
