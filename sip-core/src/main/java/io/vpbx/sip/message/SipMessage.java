package io.vpbx.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SIP message as read by {@link SipMessageReader}: its start line, its header fields in order, the size
 * of what followed the header section, and the first syntax problem met in the header section, if any.
 * Nothing here has been checked for meaning; that is the reader's caller's job.
 */
public record SipMessage(StartLine startLine, List<HeaderField> headers, int bodyLength, Optional<String> problem) {

    public SipMessage {
        Objects.requireNonNull(startLine, "startLine");
        headers = List.copyOf(headers);
        Objects.requireNonNull(problem, "problem");
    }

    /** The first value of a header, by canonical name. */
    public Optional<String> first(String name) {
        return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HeaderField::value).findFirst();
    }

    /** How many header fields of that name the message has. */
    public int count(String name) {
        return (int) headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).count();
    }

    /**
     * Every via-parm in order, top first: Via header fields in the order they appear, and comma-separated
     * values within one field in their written order (RFC 3261 section 7.3.1 makes the two equivalent).
     */
    public List<String> viaValues() {
        List<String> values = new ArrayList<>();
        for (HeaderField header : headers) {
            if (header.name().equals(HeaderName.VIA)) {
                values.addAll(HeaderText.split(header.value(), ','));
            }
        }
        return values;
    }
}
