package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.ForwardingConsentStore;

class ForwardingConsentStoreH2Test extends ForwardingConsentStoreContract {
    private final JdbcForwardingConsentStore store = new JdbcForwardingConsentStore();

    ForwardingConsentStoreH2Test() {
        super("h2");
    }

    @Override
    ForwardingConsentStore store() {
        return store;
    }
}
