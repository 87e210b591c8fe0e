package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ThirdPartyStoreContract;

class ThirdPartyStoreH2Test extends JdbcStoreTest implements ThirdPartyStoreContract {
    ThirdPartyStoreH2Test() {
        super("h2");
    }
}
