package io.vpbx.admin.store.jdbc;

class SipAccountStorePostgresTest extends SipAccountStoreContract {
    SipAccountStorePostgresTest() {
        super("postgresql");
    }
}
