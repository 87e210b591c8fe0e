package io.vpbx.sip.wire;

/**
 * The request methods as shared constants: a method read from a message is the same String instance as the
 * literal the proxy and the transaction layer compare it with, so those comparisons end at the identity check.
 * Methods are case-sensitive (RFC 3261 section 7.1); an unknown one is copied.
 */
final class Methods {
    /** Known methods by length. */
    private static final String[][] KNOWN = {
        {}, {}, {},
        {"ACK", "BYE"},
        {"INFO"},
        {"PRACK", "REFER"},
        {"INVITE", "CANCEL", "UPDATE", "NOTIFY"},
        {"OPTIONS", "MESSAGE", "PUBLISH"},
        {"REGISTER"},
        {"SUBSCRIBE"},
    };

    private Methods() {
    }

    /** The method at {@code [from, to)}: the shared constant when known, else a copy. */
    static String read(String text, int from, int to) {
        int length = to - from;
        if (length < KNOWN.length) {
            for (String candidate : KNOWN[length]) {
                if (text.startsWith(candidate, from)) {
                    return candidate;
                }
            }
        }
        return text.substring(from, to);
    }
}
