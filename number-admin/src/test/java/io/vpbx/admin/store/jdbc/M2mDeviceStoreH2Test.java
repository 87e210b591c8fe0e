package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.M2mDeviceStoreContract;

class M2mDeviceStoreH2Test extends JdbcStoreTest implements M2mDeviceStoreContract {
    M2mDeviceStoreH2Test() {
        super("h2");
    }
}
