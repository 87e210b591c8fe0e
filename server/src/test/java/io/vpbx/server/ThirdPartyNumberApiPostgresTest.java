package io.vpbx.server;

class ThirdPartyNumberApiPostgresTest extends ThirdPartyNumberApiContract {
    ThirdPartyNumberApiPostgresTest() {
        super("postgresql");
    }
}
