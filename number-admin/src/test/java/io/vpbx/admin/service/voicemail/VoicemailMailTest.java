package io.vpbx.admin.service.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.service.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VoicemailMailTest {
    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

    private static Voicemail from(String caller, Duration length) {
        return new Voicemail("vm-1", "acc-1", "+74951230001", caller, null, T0, length, false, T0);
    }

    @Test
    void aCallerThatWouldBreakTheHeaderIsShownWithoutItsControlCharacters() {
        OutgoingMail mail = VoicemailMail.of(from("evil\r\nBcc: victim@example.com", Duration.ofSeconds(5)), new byte[] {1}, "a@b.example");
        assertFalse(mail.subject().contains("\r") || mail.subject().contains("\n"), mail.subject());
        assertEquals("Voicemail from evil??Bcc: victim@example.com to +74951230001", mail.subject());
    }

    @Test
    void lengthsAreMinutesAndSeconds() {
        assertEquals("0:05", VoicemailMail.length(Duration.ofMillis(4_600)));
        assertEquals("2:00", VoicemailMail.length(Duration.ofSeconds(120)));
        assertEquals("12:05", VoicemailMail.length(Duration.ofSeconds(725)));
    }

    @Test
    void anEmptyCallerIsNamedAsUnknown() {
        assertEquals("Voicemail from unknown caller to +74951230001", VoicemailMail.of(from("", Duration.ZERO), new byte[0], "a@b.example")
                .subject());
    }
}
