package io.vpbx.server;

class ContactPhoneChangeApiH2Test extends ContactPhoneChangeApiTest {
    ContactPhoneChangeApiH2Test() {
        super("h2");
    }
}
