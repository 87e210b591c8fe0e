package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ApiKeyStore;

class ApiKeyStorePostgresTest extends ApiKeyStoreContract {
    private final JdbcApiKeyStore store = new JdbcApiKeyStore();

    ApiKeyStorePostgresTest() {
        super("postgresql");
    }

    @Override
    ApiKeyStore store() {
        return store;
    }
}
