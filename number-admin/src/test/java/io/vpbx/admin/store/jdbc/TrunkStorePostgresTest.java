package io.vpbx.admin.store.jdbc;

class TrunkStorePostgresTest extends TrunkStoreContract {
    TrunkStorePostgresTest() {
        super("postgresql");
    }
}
