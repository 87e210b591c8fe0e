package io.vpbx.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses configuration durations: ISO-8601 ({@code PT30M}, {@code P90D}) or a whole number followed by
 * {@code ms}, {@code s}, {@code m}, {@code h} or {@code d} ({@code 500ms}, {@code 10s}, {@code 30m},
 * {@code 24h}, {@code 90d}). Only positive durations are accepted: every configured duration is a
 * timeout, an interval or a retention, and none of them makes sense as zero.
 */
final class DurationText {

    static final String EXPECTED = "a positive duration such as PT30M, P90D, 500ms, 10s, 30m, 24h or 90d";

    private static final Pattern SHORT_FORM = Pattern.compile("(\\d{1,18})(ms|s|m|h|d)");

    private DurationText() {
    }

    static Optional<Duration> parse(String text) {
        Optional<Duration> parsed = text.startsWith("P") || text.startsWith("p") ? iso(text) : shortForm(text);
        return parsed.filter(duration -> !duration.isNegative() && !duration.isZero());
    }

    private static Optional<Duration> iso(String text) {
        try {
            return Optional.of(Duration.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> shortForm(String text) {
        Matcher matcher = SHORT_FORM.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        ChronoUnit unit = switch (matcher.group(2)) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        try {
            return Optional.of(Duration.of(amount, unit));
        } catch (ArithmeticException e) {
            return Optional.empty();
        }
    }
}
