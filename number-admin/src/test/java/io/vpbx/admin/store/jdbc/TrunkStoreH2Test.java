package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.TrunkStoreContract;

class TrunkStoreH2Test extends JdbcStoreTest implements TrunkStoreContract {
    TrunkStoreH2Test() {
        super("h2");
    }
}
