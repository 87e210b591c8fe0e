package io.vpbx.telephony.scenario;

import io.vpbx.telephony.forwarding.Destination;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One named step of a scenario (an IVR call flow), as data. A step names the steps that follow by their names in
 * the scenario; {@code null} where the JSON leaves a branch out means "hang up normally". Media are ids of
 * the account's media library. Checked by the admin side's validator before a scenario is saved, so the call side
 * can trust every reference.
 */
public sealed interface Step {

    /** Plays {@code media} {@code repeat} times, then goes to {@code next}. */
    record Play(String media, int repeat, String next) implements Step {
        public Play {
            Objects.requireNonNull(media, "media");
        }
    }

    /**
     * Plays {@code prompt} and waits up to {@code timeout} for one digit: an option's step; a digit with no option
     * plays {@code invalidPrompt} and asks again; no digit plays {@code noInputPrompt} and asks again; after
     * {@code retries} failed tries the call goes to {@code defaultStep} (hang up when null).
     */
    record Menu(String prompt, Map<String, String> options, Duration timeout, int retries, String invalidPrompt,
                String noInputPrompt, String defaultStep) implements Step {
        public Menu {
            Objects.requireNonNull(prompt, "prompt");
            options = Map.copyOf(options);
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * Plays {@code prompt} (optional) and collects {@code minDigits}..{@code maxDigits} digits, ended early by the
     * {@code terminator} (not part of the digits) or after {@code timeout} without a digit. {@code extension}:
     * the digits are an employee's extension of the account, and the caller is forwarded there (no such extension:
     * {@code invalid}); otherwise they are kept as variable {@code variable} and the call goes to {@code next}.
     */
    record Collect(String prompt, int minDigits, int maxDigits, char terminator, Duration timeout, boolean extension,
                   String variable, String next, String invalid) implements Step {
        public Collect {
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /** Goes to {@code open} when the schedule is open at the call's time, else to {@code closed}. */
    record TimeCondition(String scheduleId, String open, String closed) implements Step {
        public TimeCondition {
            Objects.requireNonNull(scheduleId, "scheduleId");
        }
    }

    /** Rings the destination for at most {@code ringTimeout}; no answer (busy, unreachable) goes to {@code noAnswer}. */
    record Forward(Destination target, Duration ringTimeout, String noAnswer) implements Step {
        public Forward {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(ringTimeout, "ringTimeout");
        }
    }

    /** Takes voicemail like the voicemail fallback: greeting (null: built-in), beep, recording, mail to recipients. */
    record Voicemail(List<String> recipients, String greeting) implements Step {
        public Voicemail {
            recipients = List.copyOf(recipients);
        }
    }

    /** Ends the call: BYE when answered, else this final status code (4xx-6xx). */
    record Hangup(int code) implements Step {
    }
}
