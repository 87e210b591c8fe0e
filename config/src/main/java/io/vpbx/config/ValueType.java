package io.vpbx.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How to read one kind of configuration value from text, and what to tell the operator when the text
 * does not fit.
 *
 * @param expected what a valid value looks like, completing "expected ..." in an error message
 * @param parser turns text into a value, or empty when the text is not valid
 */
record ValueType<T>(String expected, Function<String, Optional<T>> parser) {

    ValueType {
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(parser, "parser");
    }

    /** The parsed value, or empty if {@code text} is not valid; never throws for bad input. */
    Optional<T> parse(String text) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static ValueType<String> text() {
        return new ValueType<>("any text", Optional::of);
    }

    static ValueType<String> nonEmptyText() {
        return new ValueType<>("a non-empty value", text -> Optional.of(text).filter(t -> !t.isBlank()));
    }

    /** An absolute http or https URL with a host (a page's address that links are built from). */
    static ValueType<java.net.URI> httpUrl() {
        return new ValueType<>("an http:// or https:// URL such as https://vpbx.example.com",
                text -> Optional.of(java.net.URI.create(text.trim()))
                        .filter(uri -> ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null));
    }

    static ValueType<String> host() {
        return new ValueType<>("a host name or IP address",
                text -> Optional.of(text).filter(t -> !t.isEmpty() && t.chars().noneMatch(Character::isWhitespace)));
    }

    /** Empty text means "derive it"; otherwise a host that peers can send to. */
    static ValueType<String> optionalAdvertisedHost(String whenEmpty) {
        return new ValueType<>("empty (" + whenEmpty + ") or " + SipConfig.ADVERTISABLE,
                text -> Optional.of(text).filter(t -> t.isEmpty() || SipConfig.isAdvertisable(t)));
    }

    static ValueType<Integer> port() {
        return intBetween(Checks.MIN_PORT, Checks.MAX_PORT);
    }

    static ValueType<Integer> intBetween(int min, int max) {
        return new ValueType<>("an integer " + min + ".." + max,
                text -> Optional.of(Integer.parseInt(text)).filter(v -> v >= min && v <= max));
    }

    static ValueType<Integer> intAtLeast(int min) {
        return new ValueType<>("an integer >= " + min,
                text -> Optional.of(Integer.parseInt(text)).filter(v -> v >= min));
    }

    static ValueType<Long> longAtLeast(long min) {
        return new ValueType<>("an integer >= " + min,
                text -> Optional.of(Long.parseLong(text)).filter(v -> v >= min));
    }

    static ValueType<Boolean> bool() {
        return new ValueType<>("true or false", text -> switch (text) {
            case "true" -> Optional.of(Boolean.TRUE);
            case "false" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        });
    }

    static ValueType<Duration> duration() {
        return new ValueType<>(DurationText.EXPECTED, DurationText::parse);
    }

    /** {@code 0} means "off" (a zero duration); otherwise a positive duration. */
    static ValueType<Duration> durationOrOff() {
        return new ValueType<>("0 (off) or " + DurationText.EXPECTED,
                text -> "0".equals(text) ? Optional.of(Duration.ZERO) : DurationText.parse(text));
    }

    static ValueType<Path> path() {
        return new ValueType<>("a file system path", text -> Optional.of(text).filter(t -> !t.isBlank()).map(Path::of));
    }

    /** Empty text means "not set" (the default behaviour); otherwise a path. */
    static ValueType<Optional<Path>> optionalPath(String whenEmpty) {
        return new ValueType<>("empty (" + whenEmpty + ") or a file system path",
                text -> Optional.of(text.isEmpty() ? Optional.<Path>empty() : Optional.of(Path.of(text))));
    }

    /** Empty text means "none"; otherwise a file that exists and can be read now. */
    static ValueType<Optional<Path>> optionalReadableFile() {
        return new ValueType<>("empty or the path of a readable file",
                text -> text.isEmpty() ? Optional.of(Optional.<Path>empty())
                        : Optional.of(Path.of(text)).filter(Files::isReadable)
                                .filter(Files::isRegularFile).map(Optional::of));
    }

    /** SHA-256 fingerprints separated by commas, normalised to lower-case hex without colons. */
    static ValueType<List<String>> fingerprints() {
        return new ValueType<>(TlsConfig.FINGERPRINTS, text -> {
            if (text.isBlank()) {
                return Optional.of(List.of());
            }
            List<String> pins = new ArrayList<>();
            for (String each : text.split(",", -1)) {
                Optional<String> pin = TlsConfig.fingerprint(each);
                if (pin.isEmpty()) {
                    return Optional.empty();
                }
                pins.add(pin.get());
            }
            return Optional.of(List.copyOf(pins));
        });
    }

    /** Empty text means the embedded database; otherwise a JDBC URL. */
    static ValueType<Optional<String>> optionalJdbcUrl() {
        return new ValueType<>("empty (embedded H2 database) or a URL starting with " + Checks.JDBC_PREFIX,
                text -> text.isEmpty() ? Optional.of(Optional.<String>empty())
                        : Optional.of(text).filter(Checks::isJdbcUrl).map(Optional::of));
    }

    /** Empty text means "generate one"; otherwise a secret of at least {@code minLength} characters. */
    static ValueType<Optional<String>> optionalSecret(int minLength) {
        return new ValueType<>("empty (generate on first start) or at least " + minLength + " characters",
                text -> text.isEmpty() ? Optional.of(Optional.<String>empty())
                        : Optional.of(text).filter(t -> t.length() >= minLength).map(Optional::of));
    }

    /** Comma-separated CIDR blocks; empty text is none. */
    static ValueType<List<AddressRange>> addressRanges() {
        return new ValueType<>("empty or a comma-separated list of CIDR blocks such as 127.0.0.0/8, ::1/128", text -> {
            if (text.isBlank()) {
                return Optional.of(List.of());
            }
            List<AddressRange> ranges = new ArrayList<>();
            for (String part : text.split(",", -1)) {
                Optional<AddressRange> range = AddressRange.parse(part);
                if (range.isEmpty()) {
                    return Optional.empty();
                }
                ranges.add(range.get());
            }
            return Optional.of(List.copyOf(ranges));
        });
    }

    /** Two ports {@code first-last}, the first even and below the last, within 1024..65535. */
    static ValueType<int[]> portRange() {
        return new ValueType<>("an even first port and a last port such as 10000-20000, within 1024-65535", text -> {
            String[] parts = text.trim().split("-");
            if (parts.length != 2) {
                return Optional.empty();
            }
            int first = Integer.parseInt(parts[0].trim());
            int last = Integer.parseInt(parts[1].trim());
            return first >= 1024 && first % 2 == 0 && last <= 65535 && last > first
                    ? Optional.of(new int[] {first, last}) : Optional.empty();
        });
    }

    /** A size in bytes, with an optional k, m or g suffix (powers of 1024), at least {@code min} bytes. */
    static ValueType<Long> byteSize(long min) {
        return new ValueType<>("a size of at least " + min + " bytes such as 512k or 20m", text -> {
            String t = text.trim().toLowerCase(java.util.Locale.ROOT);
            long unit = t.endsWith("k") ? 1024L : t.endsWith("m") ? 1024L * 1024 : t.endsWith("g") ? 1024L * 1024 * 1024 : 1;
            long value = Long.parseLong(unit == 1 ? t : t.substring(0, t.length() - 1)) * unit;
            return value >= min ? Optional.of(value) : Optional.empty();
        });
    }

    /** One of the given words. */
    static ValueType<String> oneOf(String... words) {
        List<String> allowed = List.of(words);
        return new ValueType<>("one of " + String.join(", ", allowed),
                text -> allowed.contains(text.trim()) ? Optional.of(text.trim()) : Optional.empty());
    }

    /** Empty text is none; anything else is the value as given. */
    static ValueType<Optional<String>> optionalText() {
        return new ValueType<>("any text, or empty for none",
                text -> Optional.of(text.isEmpty() ? Optional.<String>empty() : Optional.of(text)));
    }

    /** A comma-separated list of two-letter country codes such as "CN,RU"; empty is none. */
    static ValueType<java.util.Set<String>> countryCodes() {
        return new ValueType<>("comma-separated two-letter country codes such as CN,RU, or empty for none", text -> {
            java.util.Set<String> codes = new java.util.LinkedHashSet<>();
            for (String each : text.split(",", -1)) {
                String code = each.trim();
                if (code.isEmpty() && text.isBlank()) {
                    continue;
                }
                if (!code.matches("[A-Z]{2}")) {
                    return Optional.empty();
                }
                codes.add(code);
            }
            return Optional.of(java.util.Set.copyOf(codes));
        });
    }
}
