package io.vpbx.server;

class PeopleApiH2Test extends PeopleApiContract {
    PeopleApiH2Test() {
        super("h2");
    }
}
