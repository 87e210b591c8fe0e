package io.vpbx.admin.store.jdbc;

class ContactChangeStoreH2Test extends ContactChangeStoreContract {
    ContactChangeStoreH2Test() {
        super("h2");
    }
}
