package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ApiKeyStore;

class ApiKeyStoreH2Test extends ApiKeyStoreContract {
    private final JdbcApiKeyStore store = new JdbcApiKeyStore();

    ApiKeyStoreH2Test() {
        super("h2");
    }

    @Override
    ApiKeyStore store() {
        return store;
    }
}
