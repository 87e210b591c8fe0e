package io.vpbx.sip.uas;

import java.util.List;
import java.util.Objects;

/**
 * What a call to a number would go through, in order, as {@link RouteSimulator} worked it out: the number's compliance
 * permissions, the schedule's branch, the scenario path (the very entries a real call's record holds), the prompts
 * played, the phones rung step by step with their registration state, and the fallback; plus what an administrator
 * should hear about ({@code warnings}).
 */
public record SimulatedCall(List<Entry> entries, List<String> warnings) {

    public SimulatedCall {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** The path entries alone (kind {@link Kind#PATH}): what the real call's record lists as its scenario attempts. */
    public List<String> path() {
        return entries.stream().filter(entry -> entry.kind() == Kind.PATH).map(Entry::text).toList();
    }

    public enum Kind {
        /** The number's compliance state: whether it takes calls, and why not. */
        NUMBER,
        /** What an employee's phone dialled means in the account's dial plan (a service code: its scenario). */
        DIALED,
        /** The number's schedule at the instant: open or closed, and when that next changes. */
        SCHEDULE,
        /** A scenario's step entered, digit pressed, branch taken: an entry of the call record's path. */
        PATH,
        /** A clip played to the caller ({@code text}: its media id). */
        PROMPT,
        /** One ring step: {@code phones} rung together for {@code ringSeconds}; the next step when none answers. */
        RING,
        /** An employee of a ring step without a registered phone: skipped. */
        SKIPPED,
        /** What answers when no ring step did. */
        FALLBACK,
        /** A voicemail is taken; {@code recipients} get it (an employee as {@code employee:<id>}, mailed at their e-mail). */
        VOICEMAIL,
        /** The call is refused with a SIP status. */
        REFUSED
    }

    /**
     * One entry of the path. {@code phones} and {@code ringSeconds} are set for {@link Kind#RING}, {@code recipients}
     * for {@link Kind#VOICEMAIL}; {@code scenario} names the scenario and version of a {@link Kind#PATH} entry, as the
     * call record does.
     */
    public record Entry(Kind kind, String text, String scenario, List<Phone> phones, int ringSeconds,
                        List<String> recipients) {
        public Entry {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
            phones = List.copyOf(phones);
            recipients = List.copyOf(recipients);
        }

        static Entry of(Kind kind, String text) {
            return new Entry(kind, text, null, List.of(), 0, List.of());
        }

        static Entry voicemail(List<String> recipients) {
            return new Entry(Kind.VOICEMAIL, recipients.isEmpty() ? "voicemail, mailed to nobody"
                    : "voicemail mailed to " + String.join(", ", recipients), null, List.of(), 0, recipients);
        }
    }

    /**
     * A phone or number rung. {@code kind}: contact (a registered phone), sip_uri, trunk_number, platform_number;
     * {@code registered}: a registrar binding exists right now (only contacts have one).
     */
    public record Phone(String employeeId, String kind, String destination, boolean registered) {
    }
}
