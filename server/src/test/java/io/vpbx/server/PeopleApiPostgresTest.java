package io.vpbx.server;

class PeopleApiPostgresTest extends PeopleApiContract {
    PeopleApiPostgresTest() {
        super("postgresql");
    }
}
