package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.DepartmentStoreContract;

class DepartmentStorePostgresTest extends JdbcStoreTest implements DepartmentStoreContract {
    DepartmentStorePostgresTest() {
        super("postgresql");
    }
}
