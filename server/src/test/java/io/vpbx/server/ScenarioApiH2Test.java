package io.vpbx.server;

class ScenarioApiH2Test extends ScenarioApiContract {
    ScenarioApiH2Test() {
        super("h2");
    }
}
