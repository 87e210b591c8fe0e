package io.vpbx.server;

class ContactPhoneChangeApiPostgresTest extends ContactPhoneChangeApiTest {
    ContactPhoneChangeApiPostgresTest() {
        super("postgresql");
    }
}
