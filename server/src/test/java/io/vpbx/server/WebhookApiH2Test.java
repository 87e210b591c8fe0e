package io.vpbx.server;

class WebhookApiH2Test extends WebhookApiContract {
    WebhookApiH2Test() {
        super("h2");
    }
}
