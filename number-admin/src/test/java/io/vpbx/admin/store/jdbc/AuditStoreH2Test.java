package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.AuditStoreContract;

class AuditStoreH2Test extends JdbcStoreTest implements AuditStoreContract {
    AuditStoreH2Test() {
        super("h2");
    }
}
