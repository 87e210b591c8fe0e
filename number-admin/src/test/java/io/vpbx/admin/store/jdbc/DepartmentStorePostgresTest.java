package io.vpbx.admin.store.jdbc;

class DepartmentStorePostgresTest extends DepartmentStoreContract {
    DepartmentStorePostgresTest() {
        super("postgresql");
    }
}
