package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.EmployeeStoreContract;

class EmployeeStorePostgresTest extends JdbcStoreTest implements EmployeeStoreContract {
    EmployeeStorePostgresTest() {
        super("postgresql");
    }
}
