package io.vpbx.admin.store.jdbc;

class AuditStoreH2Test extends AuditStoreContract {
    AuditStoreH2Test() {
        super("h2");
    }
}
