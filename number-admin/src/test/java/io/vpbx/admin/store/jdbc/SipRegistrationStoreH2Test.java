package io.vpbx.admin.store.jdbc;

class SipRegistrationStoreH2Test extends SipRegistrationStoreContract {
    SipRegistrationStoreH2Test() {
        super("h2");
    }
}
