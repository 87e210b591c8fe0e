package io.vpbx.server;

class CrossAccountForwardingPostgresTest extends CrossAccountForwardingContract {
    CrossAccountForwardingPostgresTest() {
        super("postgresql");
    }
}
