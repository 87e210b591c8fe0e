package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ScheduleStoreContract;

class ScheduleStorePostgresTest extends JdbcStoreTest implements ScheduleStoreContract {
    ScheduleStorePostgresTest() {
        super("postgresql");
    }
}
