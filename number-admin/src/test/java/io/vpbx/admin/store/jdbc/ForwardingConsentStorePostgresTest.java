package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ForwardingConsentStoreContract;

class ForwardingConsentStorePostgresTest extends JdbcStoreTest implements ForwardingConsentStoreContract {
    ForwardingConsentStorePostgresTest() {
        super("postgresql");
    }
}
