package io.vpbx.server;

class MediaApiPostgresTest extends MediaApiContract {
    MediaApiPostgresTest() {
        super("postgresql");
    }
}
