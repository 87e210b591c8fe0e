package io.vpbx.server;

class MediaApiH2Test extends MediaApiContract {
    MediaApiH2Test() {
        super("h2");
    }
}
