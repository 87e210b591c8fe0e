package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.MailQueueStoreContract;

class MailQueueStorePostgresTest extends JdbcStoreTest implements MailQueueStoreContract {
    MailQueueStorePostgresTest() {
        super("postgresql");
    }
}
