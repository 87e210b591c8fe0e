package io.vpbx.admin.store.jdbc;

class EndUserStoreH2Test extends EndUserStoreContract {
    EndUserStoreH2Test() {
        super("h2");
    }
}
