package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.VoicemailStoreContract;

class VoicemailStoreH2Test extends JdbcStoreTest implements VoicemailStoreContract {
    VoicemailStoreH2Test() {
        super("h2");
    }
}
