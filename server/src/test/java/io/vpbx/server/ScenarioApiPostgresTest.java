package io.vpbx.server;

class ScenarioApiPostgresTest extends ScenarioApiContract {
    ScenarioApiPostgresTest() {
        super("postgresql");
    }
}
