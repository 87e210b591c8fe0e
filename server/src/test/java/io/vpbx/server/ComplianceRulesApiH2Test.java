package io.vpbx.server;

class ComplianceRulesApiH2Test extends ComplianceRulesApiContract {
    ComplianceRulesApiH2Test() {
        super("h2");
    }
}
