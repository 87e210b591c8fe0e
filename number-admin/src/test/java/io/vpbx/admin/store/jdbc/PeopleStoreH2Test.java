package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.PeopleStoreContract;

class PeopleStoreH2Test extends JdbcStoreTest implements PeopleStoreContract {
    PeopleStoreH2Test() {
        super("h2");
    }
}
