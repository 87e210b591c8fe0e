package io.vpbx.admin.store.jdbc;

class SipRegistrationStorePostgresTest extends SipRegistrationStoreContract {
    SipRegistrationStorePostgresTest() {
        super("postgresql");
    }
}
