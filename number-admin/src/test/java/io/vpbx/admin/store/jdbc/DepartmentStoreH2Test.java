package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.DepartmentStoreContract;

class DepartmentStoreH2Test extends JdbcStoreTest implements DepartmentStoreContract {
    DepartmentStoreH2Test() {
        super("h2");
    }
}
