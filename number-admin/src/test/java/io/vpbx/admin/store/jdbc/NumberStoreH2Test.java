package io.vpbx.admin.store.jdbc;

class NumberStoreH2Test extends NumberStoreContract {
    NumberStoreH2Test() {
        super("h2");
    }
}
