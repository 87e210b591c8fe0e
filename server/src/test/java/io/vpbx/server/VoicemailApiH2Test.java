package io.vpbx.server;

class VoicemailApiH2Test extends VoicemailApiContract {
    VoicemailApiH2Test() {
        super("h2");
    }
}
