package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ApiKeyStoreContract;

class ApiKeyStoreH2Test extends JdbcStoreTest implements ApiKeyStoreContract {
    ApiKeyStoreH2Test() {
        super("h2");
    }
}
