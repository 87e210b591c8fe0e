package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.EndUserStoreContract;

class EndUserStoreH2Test extends JdbcStoreTest implements EndUserStoreContract {
    EndUserStoreH2Test() {
        super("h2");
    }
}
