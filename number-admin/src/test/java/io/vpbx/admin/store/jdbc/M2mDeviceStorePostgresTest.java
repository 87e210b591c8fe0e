package io.vpbx.admin.store.jdbc;

class M2mDeviceStorePostgresTest extends M2mDeviceStoreContract {
    M2mDeviceStorePostgresTest() {
        super("postgresql");
    }
}
