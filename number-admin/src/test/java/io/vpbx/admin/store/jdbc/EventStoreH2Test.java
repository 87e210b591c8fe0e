package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.EventStore;
import io.vpbx.admin.store.EventStoreContract;
import io.vpbx.admin.store.WebhookStore;

class EventStoreH2Test extends JdbcStoreTest implements EventStoreContract {
    EventStoreH2Test() {
        super("h2");
    }

    @Override
    public EventStore events() {
        return new JdbcEventStore();
    }

    @Override
    public WebhookStore webhooks() {
        return new JdbcWebhookStore();
    }
}
