package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.WireName;
import java.time.Instant;
import java.util.Arrays;

/** An end user's consent to the processing of their personal data: which text, through which channel, when; and its withdrawal. */
public record Consent(String id, String accountId, String endUserId, String textVersion, Channel channel, Instant givenAt,
                      Instant withdrawnAt) {
    public static final int MAX_TEXT_VERSION_LENGTH = 50;

    /** How the consent was given. */
    public enum Channel implements WireName {
        WEB,
        APP,
        PAPER,
        PHONE,
        IN_PERSON;

        public static Channel of(String field, String value) {
            return WireName.exact(Channel.class, value).orElseThrow(() -> new InvalidFieldException(field,
                    "must be one of " + Arrays.stream(values()).map(Channel::wireName).toList()));
        }
    }

    /** A consent as given, checked: {@code field} prefixes the names of its fields ("consent"). */
    public static Consent given(String field, String id, String accountId, String endUserId, String textVersion, String channel,
                                Instant at) {
        return new Consent(id, accountId, endUserId, FreeText.present(field + ".text_version", textVersion, MAX_TEXT_VERSION_LENGTH),
                Channel.of(field + ".channel", channel), at, null);
    }

    public boolean inForce() {
        return withdrawnAt == null;
    }
}
