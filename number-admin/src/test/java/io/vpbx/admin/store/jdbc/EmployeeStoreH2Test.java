package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.EmployeeStoreContract;

class EmployeeStoreH2Test extends JdbcStoreTest implements EmployeeStoreContract {
    EmployeeStoreH2Test() {
        super("h2");
    }
}
