package io.vpbx.admin.store.jdbc;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Instants in UTC as ISO 8601 text, written digit by digit into a builder: the call-record writer writes five
 * per call, and the JDK's formatter behind {@link Instant#toString()} was a tenth of that thread's time.
 */
final class IsoInstants {

    private IsoInstants() {
    }

    /**
     * Appends {@code instant} as {@code 2026-11-23<separator>10:00:00.123456<zone>}: the fraction in groups of
     * three digits as {@link Instant#toString()} writes it, none when zero; years beyond 1..9999 as that does.
     */
    static StringBuilder append(StringBuilder out, Instant instant, char separator, String zone) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (t.getYear() < 1 || t.getYear() > 9999) {
            String iso = instant.toString();
            return out.append(iso, 0, iso.length() - 1).append(zone);
        }
        digits(out, t.getYear(), 1000).append('-');
        digits(out, t.getMonthValue(), 10).append('-');
        digits(out, t.getDayOfMonth(), 10).append(separator);
        digits(out, t.getHour(), 10).append(':');
        digits(out, t.getMinute(), 10).append(':');
        digits(out, t.getSecond(), 10);
        int nano = t.getNano();
        if (nano != 0) {
            out.append('.');
            if (nano % 1_000_000 == 0) {
                digits(out, nano / 1_000_000, 100);
            } else if (nano % 1000 == 0) {
                digits(out, nano / 1000, 100_000);
            } else {
                digits(out, nano, 100_000_000);
            }
        }
        return out.append(zone);
    }

    /** {@code value} with as many digits as {@code highest} (a power of ten) has, zeros in front. */
    private static StringBuilder digits(StringBuilder out, int value, int highest) {
        for (int divisor = highest; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
        return out;
    }
}
