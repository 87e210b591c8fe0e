package io.vpbx.server;

class ComplianceRulesApiPostgresTest extends ComplianceRulesApiContract {
    ComplianceRulesApiPostgresTest() {
        super("postgresql");
    }
}
