package io.vpbx.admin.domain.contact;

import java.time.Duration;
import java.time.Instant;

/**
 * The words of contact-phone messages. Codes appear only in the two code messages; notices of a done
 * change show the new phone masked, so that a notice read by the wrong person gives nothing away.
 */
public final class ContactNotices {
    public static final String CHANGED_SUBJECT = "Your contact phone was changed";

    private ContactNotices() {
    }

    /** To the old phone: proves the holder still has it. */
    public static String codeForOldPhone(String code, String newPhone, Duration ttl) {
        return "vpbx: code " + code + " confirms changing your contact phone to " + ContactPhoneChange.mask(newPhone)
                + ". It expires in " + describe(ttl) + ". Not you? Share it with no one and contact support.";
    }

    /** To the new phone: proves the holder has it too. */
    public static String codeForNewPhone(String code, Duration ttl) {
        return "vpbx: code " + code + " confirms this number as your new contact phone. It expires in " + describe(ttl) + ".";
    }

    /** To the old phone and the email on file once the change is done. */
    public static String changed(String newPhone, Instant at, boolean repeated) {
        return "vpbx: your contact phone was changed to " + ContactPhoneChange.mask(newPhone) + " at " + at + "."
                + (repeated ? " This is the second change within 24 hours." : "")
                + " Not you? Contact support now.";
    }

    static String describe(Duration ttl) {
        long seconds = ttl.toSeconds();
        if (seconds % 60 != 0) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        long minutes = seconds / 60;
        return minutes + (minutes == 1 ? " minute" : " minutes");
    }
}
