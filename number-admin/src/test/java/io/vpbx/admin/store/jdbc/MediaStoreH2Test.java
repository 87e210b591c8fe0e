package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.MediaStoreContract;

class MediaStoreH2Test extends JdbcStoreTest implements MediaStoreContract {
    MediaStoreH2Test() {
        super("h2");
    }
}
