package io.vpbx.admin.domain.forwarding;

import java.util.List;

/** Where calls to a number go. The SIP core turns each kind into call legs. */
public sealed interface ForwardingTarget {

    /** The kind as it appears on the wire and in storage. */
    String kind();

    /** The id or number this target refers to, so that deleting it can find its users; null if none. */
    String reference();

    record Employee(String employeeId) implements ForwardingTarget {
        public String kind() { return "employee"; }
        public String reference() { return employeeId; }
    }

    record Department(String departmentId) implements ForwardingTarget {
        public String kind() { return "department"; }
        public String reference() { return departmentId; }
    }

    /** An IVR scenario of the account (/v1/scenarios). */
    record Scenario(String scenarioId) implements ForwardingTarget {
        public String kind() { return "scenario"; }
        public String reference() { return scenarioId; }
    }

    /** Another PBX on vpbx: a number held on the platform (E.164). */
    record PlatformPbx(String number) implements ForwardingTarget {
        public String kind() { return "platform_pbx"; }
        public String reference() { return number; }
    }

    /** A PBX outside vpbx, tried in order: next on 408/480/503/504 and transport errors. */
    record ExternalPbx(List<SipUri> uris) implements ForwardingTarget {
        public ExternalPbx {
            uris = List.copyOf(uris);
        }
        public String kind() { return "external_pbx"; }
        public String reference() { return null; }
    }

    /** A number outside vpbx, reached through a carrier trunk (E.164). */
    record ExternalNumber(String number) implements ForwardingTarget {
        public String kind() { return "external_number"; }
        public String reference() { return number; }
    }
}
