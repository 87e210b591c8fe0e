package io.vpbx.server;

class TrunkApiPostgresTest extends TrunkApiContract {
    TrunkApiPostgresTest() {
        super("postgresql");
    }
}
