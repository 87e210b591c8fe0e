package io.vpbx.admin.domain.lifecycle;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.WireName;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The operator's stop of a number on a complaint (harassment, fraud): no calls in or out until the operator lifts it.
 * It stands beside the real-name {@link Suspension}, so lifting one never lifts the other. The SIP answer names only
 * the {@link Ground} (a fixed word); the reason and reference are for the account and the audit.
 */
public record ComplaintStop(Ground ground, String reason, String reference, Instant stoppedAt) {
    public static final int MAX_REASON_LENGTH = 500;
    public static final int MAX_REFERENCE_LENGTH = 100;

    /** What the complaint is about. */
    public enum Ground implements WireName {
        HARASSMENT,
        FRAUD,
        OTHER;

        public static Ground of(String field, String value) {
            return WireName.exact(Ground.class, value).orElseThrow(() -> new InvalidFieldException(field,
                    "must be one of " + Arrays.stream(values()).map(Ground::wireName).toList()));
        }
    }

    public ComplaintStop {
        Objects.requireNonNull(ground, "ground");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
    }

    /** A stop as the operator asks for it: every field required, each refused by its name. */
    public static ComplaintStop of(String ground, String reason, String reference, Instant at) {
        return new ComplaintStop(Ground.of("ground", ground), FreeText.present("reason", reason, MAX_REASON_LENGTH),
                FreeText.present("reference", reference, MAX_REFERENCE_LENGTH), at);
    }

    /** What a refused call is told (a SIP reason phrase): fixed words only, never the operator's free text. */
    public String callAnswer() {
        return "stopped by the operator on a complaint (" + ground.wireName() + ")";
    }
}
