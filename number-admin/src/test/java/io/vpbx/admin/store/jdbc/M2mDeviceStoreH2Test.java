package io.vpbx.admin.store.jdbc;

class M2mDeviceStoreH2Test extends M2mDeviceStoreContract {
    M2mDeviceStoreH2Test() {
        super("h2");
    }
}
