package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.M2mDeviceStoreContract;

class M2mDeviceStorePostgresTest extends JdbcStoreTest implements M2mDeviceStoreContract {
    M2mDeviceStorePostgresTest() {
        super("postgresql");
    }
}
