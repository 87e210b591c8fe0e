package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.CallRecordStoreContract;

class CallRecordStorePostgresTest extends JdbcStoreTest implements CallRecordStoreContract {
    CallRecordStorePostgresTest() {
        super("postgresql");
    }
}
