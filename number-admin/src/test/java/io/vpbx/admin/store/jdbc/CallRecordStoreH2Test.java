package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.CallRecordStoreContract;

class CallRecordStoreH2Test extends JdbcStoreTest implements CallRecordStoreContract {
    CallRecordStoreH2Test() {
        super("h2");
    }
}
