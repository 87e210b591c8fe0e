package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ForwardingConsentStore;

class ForwardingConsentStorePostgresTest extends ForwardingConsentStoreContract {
    private final JdbcForwardingConsentStore store = new JdbcForwardingConsentStore();

    ForwardingConsentStorePostgresTest() {
        super("postgresql");
    }

    @Override
    ForwardingConsentStore store() {
        return store;
    }
}
