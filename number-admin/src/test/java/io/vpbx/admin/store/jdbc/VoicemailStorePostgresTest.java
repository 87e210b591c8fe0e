package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.VoicemailStoreContract;

class VoicemailStorePostgresTest extends JdbcStoreTest implements VoicemailStoreContract {
    VoicemailStorePostgresTest() {
        super("postgresql");
    }
}
