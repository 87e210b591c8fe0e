package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.EventStore;
import io.vpbx.admin.store.EventStoreContract;
import io.vpbx.admin.store.WebhookStore;

class EventStorePostgresTest extends JdbcStoreTest implements EventStoreContract {
    EventStorePostgresTest() {
        super("postgresql");
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
