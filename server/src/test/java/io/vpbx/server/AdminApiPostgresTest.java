package io.vpbx.server;

class AdminApiPostgresTest extends AdminApiContract {
    AdminApiPostgresTest() {
        super("postgresql");
    }
}
