package io.vpbx.server;

class ApiKeyApiPostgresTest extends ApiKeyApiContract {
    ApiKeyApiPostgresTest() {
        super("postgresql");
    }
}
