package io.vpbx.sip.wire;

import java.util.Optional;

/**
 * The bound on header fields per message, so that a flood of fields is refused before any of them is acted
 * on.
 *
 * <p>A field is a header line as read, folded lines joined; a line whose name is no token is no field. A Via,
 * Route, Record-Route or Contact field holding a comma-separated list counts once per element: RFC 3261 section
 * 7.3.1 makes that list the same as one field per element, and those are the headers routing walks element by
 * element.
 *
 * @param maxHeaders most header fields a message may carry ({@code sip.max-headers})
 */
public record HeaderLimits(int maxHeaders) {

    public HeaderLimits {
        if (maxHeaders < 1) {
            throw new IllegalArgumentException("maxHeaders must be positive: " + maxHeaders);
        }
    }

    /**
     * The problem with {@code message}'s header section, worded to follow "Bad Request (", or empty when the
     * message is within the limit.
     */
    public Optional<String> check(WireMessage message) {
        String text = message.text();
        int fields = 0;
        for (HeaderLine line : message.lines()) {
            if (!line.hasTokenName(text)) {
                continue;
            }
            fields += isWalkedList(line.id()) ? Addresses.splitValues(line.value(text)).size() : 1;
            if (fields > maxHeaders) {
                return Optional.of("more than " + maxHeaders + " header fields");
            }
        }
        return Optional.empty();
    }

    private static boolean isWalkedList(HeaderId id) {
        return id == HeaderId.VIA || id == HeaderId.ROUTE || id == HeaderId.RECORD_ROUTE || id == HeaderId.CONTACT;
    }
}
