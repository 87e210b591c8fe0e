package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ContactChangeStoreContract;

class ContactChangeStoreH2Test extends JdbcStoreTest implements ContactChangeStoreContract {
    ContactChangeStoreH2Test() {
        super("h2");
    }
}
