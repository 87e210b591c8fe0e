package io.vpbx.admin.store.jdbc;

class TrunkStoreH2Test extends TrunkStoreContract {
    TrunkStoreH2Test() {
        super("h2");
    }
}
