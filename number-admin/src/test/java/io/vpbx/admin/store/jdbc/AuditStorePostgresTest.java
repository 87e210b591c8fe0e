package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.AuditStoreContract;

class AuditStorePostgresTest extends JdbcStoreTest implements AuditStoreContract {
    AuditStorePostgresTest() {
        super("postgresql");
    }
}
