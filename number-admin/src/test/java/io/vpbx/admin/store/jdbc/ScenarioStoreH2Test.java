package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ScenarioStoreContract;

class ScenarioStoreH2Test extends JdbcStoreTest implements ScenarioStoreContract {
    ScenarioStoreH2Test() {
        super("h2");
    }
}
