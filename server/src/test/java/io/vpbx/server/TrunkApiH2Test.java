package io.vpbx.server;

class TrunkApiH2Test extends TrunkApiContract {
    TrunkApiH2Test() {
        super("h2");
    }
}
