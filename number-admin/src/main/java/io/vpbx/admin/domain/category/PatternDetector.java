package io.vpbx.admin.domain.category;

/**
 * One pattern over the classified window: the last {@code subscriberDigits} digits of the national
 * number, one digit value (0-9) per byte. Implementations are immutable and pure.
 * {@link #matches} runs for every number and must not allocate; {@link #explain} runs only after a
 * match, to render the reason.
 */
interface PatternDetector {

    boolean matches(byte[] window);

    /** Where and how the pattern matched; only called when {@link #matches} returned true. */
    Match explain(byte[] window);

    /** The fewest window digits the pattern can look at; a rule set's window must be at least this wide. */
    int minimumDigits();
}
