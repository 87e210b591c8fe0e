package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.SipRegistrationStoreContract;

class SipRegistrationStoreH2Test extends JdbcStoreTest implements SipRegistrationStoreContract {
    SipRegistrationStoreH2Test() {
        super("h2");
    }
}
