package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ThirdPartyStoreContract;

class ThirdPartyStorePostgresTest extends JdbcStoreTest implements ThirdPartyStoreContract {
    ThirdPartyStorePostgresTest() {
        super("postgresql");
    }
}
