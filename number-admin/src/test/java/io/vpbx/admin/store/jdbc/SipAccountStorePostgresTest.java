package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.SipAccountStoreContract;

class SipAccountStorePostgresTest extends JdbcStoreTest implements SipAccountStoreContract {
    SipAccountStorePostgresTest() {
        super("postgresql");
    }
}
