package io.vpbx.server;

class ThirdPartyNumberApiH2Test extends ThirdPartyNumberApiContract {
    ThirdPartyNumberApiH2Test() {
        super("h2");
    }
}
