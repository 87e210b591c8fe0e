package io.vpbx.admin.service.voicemail;

import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.service.mail.OutgoingMail;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The e-mail that carries a voicemail: the subject names the caller and the number called, the body when it came and
 * how long it is, and the recording is attached as {@code audio/wav}. What the caller sent is shown with control
 * characters replaced, so that it cannot break a header line.
 */
public final class VoicemailMail {
    public static final String CONTENT_TYPE = "audio/wav";
    /** Subjects stay short: the development outbox keeps 200 characters. */
    private static final int MAX_CALLER = 80;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private VoicemailMail() {
    }

    public static OutgoingMail of(Voicemail message, byte[] wav, String to) {
        String caller = printable(message.caller());
        String subject = "Voicemail from " + caller + " to " + message.number();
        String body = "You have a new voicemail.\n\n"
                + "From:     " + caller + "\n"
                + "To:       " + message.number() + "\n"
                + "Received: " + WHEN.format(message.startedAt()) + "\n"
                + "Length:   " + length(message.length()) + "\n\n"
                + "The recording is attached (" + fileName(message) + ").\n";
        return new OutgoingMail(to, subject, body, new OutgoingMail.Attachment(fileName(message), CONTENT_TYPE, wav));
    }

    /** "voicemail-20261123-100000.wav": when it was left, in UTC. */
    static String fileName(Voicemail message) {
        return "voicemail-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(message.startedAt())
                + ".wav";
    }

    /** "0:42", "12:05". */
    static String length(Duration length) {
        long seconds = Math.round(length.toMillis() / 1000.0);
        return (seconds / 60) + ":" + String.format("%02d", seconds % 60);
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(MAX_CALLER).forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return out.isEmpty() ? "unknown caller" : out.toString();
    }
}
