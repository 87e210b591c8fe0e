package io.vpbx.admin.store.jdbc;

class ThirdPartyStorePostgresTest extends ThirdPartyStoreContract {
    ThirdPartyStorePostgresTest() {
        super("postgresql");
    }
}
