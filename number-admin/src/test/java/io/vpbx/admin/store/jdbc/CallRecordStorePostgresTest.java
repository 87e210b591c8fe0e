package io.vpbx.admin.store.jdbc;

class CallRecordStorePostgresTest extends CallRecordStoreContract {
    CallRecordStorePostgresTest() {
        super("postgresql");
    }
}
