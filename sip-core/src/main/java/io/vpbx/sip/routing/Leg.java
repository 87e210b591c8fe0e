package io.vpbx.sip.routing;

/** One call leg to try: a registered contact, an external SIP URI, a number out through a trunk, or a scenario. */
public record Leg(Kind kind, String destination, String employeeId) {

    public enum Kind {
        /** A contact URI an employee's phone registered. */
        CONTACT,
        /** A SIP URI outside vpbx (external PBX). */
        SIP_URI,
        /** An E.164 number reached through a carrier trunk. */
        TRUNK_NUMBER,
        /** A number on vpbx, routed again by its own rules. */
        PLATFORM_NUMBER,
        /** An IVR scenario (the media issue's extension point). */
        SCENARIO
    }

    public static Leg contact(String uri, String employeeId) {
        return new Leg(Kind.CONTACT, uri, employeeId);
    }
}
