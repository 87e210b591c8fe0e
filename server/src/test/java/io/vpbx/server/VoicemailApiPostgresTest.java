package io.vpbx.server;

class VoicemailApiPostgresTest extends VoicemailApiContract {
    VoicemailApiPostgresTest() {
        super("postgresql");
    }
}
