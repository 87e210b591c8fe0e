package io.vpbx.admin.service.calls;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a call to one of an account's numbers would go through at an instant, as the SIP side works it out with the
 * code that routes real calls: compliance, schedule branch, the scenario's path with its prompts, the phones rung in
 * order with their registration state, the fallback, and warnings. Implemented by the SIP side and wired in the
 * composition root; the admin side only asks. Reads memory (and, like a real call, a scenario's clips); may block.
 */
@FunctionalInterface
public interface CallSimulator {

    /** The simulated call; empty when the SIP side routes no such number (or service code) of {@code request.accountId()}. */
    Optional<Simulation> simulate(Request request);

    /**
     * A call from {@code caller} (free text, may be null) to {@code called} at {@code at}: a number in E.164, or a
     * service code ({@code *12}) an employee of the account dials; {@code digits}: the keys pressed, one entry per
     * question a scenario asks (an empty entry: silence).
     */
    record Request(String accountId, String called, Instant at, String caller, List<String> digits) {
        public Request {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(called, "called");
            Objects.requireNonNull(at, "at");
            digits = List.copyOf(digits);
        }
    }

    /** The entries in the order the call meets them, and what an administrator should know. */
    record Simulation(List<Entry> entries, List<String> warnings) {
        public Simulation {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * One entry. {@code kind}: number, dialed (what a service code runs), schedule, path, prompt (text: the media id), ring, skipped, fallback, voicemail,
     * refused; {@code scenario} names the scenario and version of a path entry; {@code phones} and {@code ringSeconds}
     * belong to a ring step, {@code recipients} (as a voicemail fallback keeps them) to a voicemail.
     */
    record Entry(String kind, String text, String scenario, List<Phone> phones, int ringSeconds, List<String> recipients) {
        public Entry {
            phones = List.copyOf(phones);
            recipients = List.copyOf(recipients);
        }
    }

    /** A phone or number rung; {@code registered}: the registrar holds a binding for it right now. */
    record Phone(String employeeId, String kind, String destination, boolean registered) {
    }
}
