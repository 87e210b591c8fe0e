package io.vpbx.server;

class AccountLimitsApiPostgresTest extends AccountLimitsApiContract {
    AccountLimitsApiPostgresTest() {
        super("postgresql");
    }
}
