package io.vpbx.admin.store.jdbc;

class SipAccountStoreH2Test extends SipAccountStoreContract {
    SipAccountStoreH2Test() {
        super("h2");
    }
}
