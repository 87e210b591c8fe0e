package io.vpbx.sip.registrar;

import java.util.List;
import java.util.Objects;

/** Outcome of one REGISTER: the response to send and, on success, the snapshot to publish. */
public sealed interface RegistrationResult
        permits RegistrationResult.Accepted, RegistrationResult.IntervalTooBrief, RegistrationResult.Rejected {

    /** SIP status code of the response. */
    int statusCode();

    /**
     * 200 OK. {@code location} is the new snapshot (the one passed in is untouched); {@code bindings} are
     * the AOR's current bindings, highest q first, to list as Contact fields in the response.
     */
    record Accepted(Location location, List<ContactBinding> bindings) implements RegistrationResult {
        public Accepted {
            Objects.requireNonNull(location, "location");
            bindings = List.copyOf(bindings);
        }

        @Override
        public int statusCode() {
            return 200;
        }
    }

    /** 423 Interval Too Brief; the response carries {@code Min-Expires: minExpires}. */
    record IntervalTooBrief(int minExpires) implements RegistrationResult {
        @Override
        public int statusCode() {
            return 423;
        }
    }

    /** Any other failure; nothing was changed. {@code reason} is the reason phrase. */
    record Rejected(int statusCode, String reason) implements RegistrationResult {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            if (statusCode < 400 || statusCode > 699) {
                throw new IllegalArgumentException("not a failure status: " + statusCode);
            }
        }
    }
}
