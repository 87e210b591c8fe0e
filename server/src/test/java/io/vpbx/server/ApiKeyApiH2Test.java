package io.vpbx.server;

class ApiKeyApiH2Test extends ApiKeyApiContract {
    ApiKeyApiH2Test() {
        super("h2");
    }
}
