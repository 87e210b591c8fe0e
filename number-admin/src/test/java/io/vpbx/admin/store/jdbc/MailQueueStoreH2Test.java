package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.MailQueueStoreContract;

class MailQueueStoreH2Test extends JdbcStoreTest implements MailQueueStoreContract {
    MailQueueStoreH2Test() {
        super("h2");
    }
}
