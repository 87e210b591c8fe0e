package io.vpbx.admin.store.jdbc;

class EmployeeStoreH2Test extends EmployeeStoreContract {
    EmployeeStoreH2Test() {
        super("h2");
    }
}
