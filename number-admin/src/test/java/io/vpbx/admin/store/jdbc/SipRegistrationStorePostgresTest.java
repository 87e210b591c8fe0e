package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.SipRegistrationStoreContract;

class SipRegistrationStorePostgresTest extends JdbcStoreTest implements SipRegistrationStoreContract {
    SipRegistrationStorePostgresTest() {
        super("postgresql");
    }
}
