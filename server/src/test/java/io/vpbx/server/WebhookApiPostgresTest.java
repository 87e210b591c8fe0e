package io.vpbx.server;

class WebhookApiPostgresTest extends WebhookApiContract {
    WebhookApiPostgresTest() {
        super("postgresql");
    }
}
