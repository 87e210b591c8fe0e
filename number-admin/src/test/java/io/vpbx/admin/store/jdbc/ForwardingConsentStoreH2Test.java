package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ForwardingConsentStoreContract;

class ForwardingConsentStoreH2Test extends JdbcStoreTest implements ForwardingConsentStoreContract {
    ForwardingConsentStoreH2Test() {
        super("h2");
    }
}
