package io.vpbx.telephony.forwarding;

import java.util.List;
import java.util.Objects;

/**
 * Where a scenario's {@code forward} step (or a schedule branch) sends the caller: the same kinds as a number's
 * forwarding target, as pure values both sides share. The SIP side maps each to its routing.
 */
public sealed interface Destination {

    record Employee(String employeeId) implements Destination {
        public Employee {
            Objects.requireNonNull(employeeId, "employeeId");
        }
    }

    /** A department rung by its own ring strategy. */
    record Department(String departmentId) implements Destination {
        public Department {
            Objects.requireNonNull(departmentId, "departmentId");
        }
    }

    /** A number outside vpbx, through a carrier trunk. */
    record ExternalNumber(String e164) implements Destination {
        public ExternalNumber {
            Objects.requireNonNull(e164, "e164");
        }
    }

    /** SIP URIs of a PBX outside vpbx, tried in order. */
    record ExternalPbx(List<String> uris) implements Destination {
        public ExternalPbx {
            uris = List.copyOf(uris);
        }
    }

    /** Another number on the platform, routed by its own rules. */
    record PlatformNumber(String e164) implements Destination {
        public PlatformNumber {
            Objects.requireNonNull(e164, "e164");
        }
    }

    /**
     * What a caller keyed into a scenario's {@code collect} step, kept as {@code variable}: dialled as a number
     * ({@link Kind#NUMBER}, normalised to E.164 and held to the account's rules for calls out), or looked up as an
     * employee's extension of the account ({@link Kind#EXTENSION}). Known only during the call: a scenario resolves
     * it into one of the other kinds before it rings anything.
     */
    record Collected(Kind kind, String variable) implements Destination {
        public enum Kind { NUMBER, EXTENSION }

        public Collected {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(variable, "variable");
        }
    }

    /** Another scenario of the account. */
    record Scenario(String scenarioId) implements Destination {
        public Scenario {
            Objects.requireNonNull(scenarioId, "scenarioId");
        }
    }
}
