package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.MediaStoreContract;

class MediaStorePostgresTest extends JdbcStoreTest implements MediaStoreContract {
    MediaStorePostgresTest() {
        super("postgresql");
    }
}
