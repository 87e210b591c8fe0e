package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ScheduleStoreContract;

class ScheduleStoreH2Test extends JdbcStoreTest implements ScheduleStoreContract {
    ScheduleStoreH2Test() {
        super("h2");
    }
}
