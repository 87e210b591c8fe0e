package io.vpbx.admin.store.jdbc;

class CallRecordStoreH2Test extends CallRecordStoreContract {
    CallRecordStoreH2Test() {
        super("h2");
    }
}
