package io.vpbx.server;

class AdminApiH2Test extends AdminApiContract {
    AdminApiH2Test() {
        super("h2");
    }
}
