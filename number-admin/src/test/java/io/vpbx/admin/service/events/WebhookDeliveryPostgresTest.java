package io.vpbx.admin.service.events;

class WebhookDeliveryPostgresTest extends WebhookDeliveryContract {
    WebhookDeliveryPostgresTest() {
        super("postgresql");
    }
}
