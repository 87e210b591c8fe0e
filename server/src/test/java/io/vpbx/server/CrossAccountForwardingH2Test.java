package io.vpbx.server;

class CrossAccountForwardingH2Test extends CrossAccountForwardingContract {
    CrossAccountForwardingH2Test() {
        super("h2");
    }
}
