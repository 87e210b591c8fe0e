package io.vpbx.admin.store.jdbc;

class ThirdPartyStoreH2Test extends ThirdPartyStoreContract {
    ThirdPartyStoreH2Test() {
        super("h2");
    }
}
