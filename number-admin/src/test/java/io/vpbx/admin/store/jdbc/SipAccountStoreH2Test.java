package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.SipAccountStoreContract;

class SipAccountStoreH2Test extends JdbcStoreTest implements SipAccountStoreContract {
    SipAccountStoreH2Test() {
        super("h2");
    }
}
