package io.vpbx.admin.store.jdbc;

class DepartmentStoreH2Test extends DepartmentStoreContract {
    DepartmentStoreH2Test() {
        super("h2");
    }
}
