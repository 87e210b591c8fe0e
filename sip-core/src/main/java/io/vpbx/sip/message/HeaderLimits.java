package io.vpbx.sip.message;

import java.util.List;
import java.util.Optional;

/**
 * The bound on header fields per message, so that a flood of fields is refused before any of them is acted
 * on.
 *
 * <p>A field is a header line as read, folded lines joined. A Via, Route, Record-Route or Contact field
 * holding a comma-separated list counts once per element: RFC 3261 section 7.3.1 makes that list the same
 * as one field per element, and those are the headers routing walks element by element.
 *
 * @param maxHeaders most header fields a message may carry ({@code sip.max-headers})
 */
public record HeaderLimits(int maxHeaders) {

    /** Canonical names; Route and Record-Route have no compact form, so case is all that can differ. */
    private static final List<String> WALKED_LISTS = List.of(HeaderName.VIA, "Route", "Record-Route", HeaderName.CONTACT);

    public HeaderLimits {
        if (maxHeaders < 1) {
            throw new IllegalArgumentException("maxHeaders must be positive: " + maxHeaders);
        }
    }

    /**
     * The problem with {@code message}'s header section, worded to follow "Bad Request (", or empty when the
     * message is within the limit.
     */
    public Optional<String> check(SipMessage message) {
        if (message.headers().size() > maxHeaders) {
            return tooMany();
        }
        int fields = 0;
        for (HeaderField header : message.headers()) {
            fields += isWalkedList(header.name()) ? HeaderText.split(header.value(), ',').size() : 1;
            if (fields > maxHeaders) {
                return tooMany();
            }
        }
        return Optional.empty();
    }

    private static boolean isWalkedList(String name) {
        for (String list : WALKED_LISTS) {
            if (list.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private Optional<String> tooMany() {
        return Optional.of("more than " + maxHeaders + " header fields");
    }
}
