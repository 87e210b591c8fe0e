package io.vpbx.server;

class ComplianceApiPostgresTest extends ComplianceApiContract {
    ComplianceApiPostgresTest() {
        super("postgresql");
    }
}
