package io.vpbx.admin.store.jdbc;

class AuditStorePostgresTest extends AuditStoreContract {
    AuditStorePostgresTest() {
        super("postgresql");
    }
}
