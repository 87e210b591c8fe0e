package io.vpbx.server;

class ComplianceApiH2Test extends ComplianceApiContract {
    ComplianceApiH2Test() {
        super("h2");
    }
}
