package io.vpbx.admin.store.jdbc;

class EmployeeStorePostgresTest extends EmployeeStoreContract {
    EmployeeStorePostgresTest() {
        super("postgresql");
    }
}
