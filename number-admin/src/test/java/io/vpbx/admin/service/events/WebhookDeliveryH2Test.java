package io.vpbx.admin.service.events;

class WebhookDeliveryH2Test extends WebhookDeliveryContract {
    WebhookDeliveryH2Test() {
        super("h2");
    }
}
