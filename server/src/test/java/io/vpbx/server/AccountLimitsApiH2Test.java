package io.vpbx.server;

class AccountLimitsApiH2Test extends AccountLimitsApiContract {
    AccountLimitsApiH2Test() {
        super("h2");
    }
}
