package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.NumberStoreContract;

class NumberStoreH2Test extends JdbcStoreTest implements NumberStoreContract {
    NumberStoreH2Test() {
        super("h2");
    }
}
