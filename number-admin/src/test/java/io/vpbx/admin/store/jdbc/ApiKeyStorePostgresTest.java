package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ApiKeyStoreContract;

class ApiKeyStorePostgresTest extends JdbcStoreTest implements ApiKeyStoreContract {
    ApiKeyStorePostgresTest() {
        super("postgresql");
    }
}
