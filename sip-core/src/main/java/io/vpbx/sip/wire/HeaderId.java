package io.vpbx.sip.wire;

/** The header fields the proxy reads; every other field is {@link #OTHER} and passes through as bytes. */
public enum HeaderId {
    VIA, ROUTE, RECORD_ROUTE, MAX_FORWARDS, CALL_ID, CSEQ, FROM, TO, CONTACT, CONTENT_LENGTH,
    PROXY_AUTHORIZATION, AUTHORIZATION, P_PREFERRED_IDENTITY, P_ASSERTED_IDENTITY, OTHER;

    /** Recognises a field name, long or compact form (RFC 3261 section 7.3.3), ignoring case. */
    public static HeaderId of(String name) {
        return of(name, 0, name.length());
    }

    /** As {@link #of(String)}, for the name at {@code [start, end)} of a message's text. */
    static HeaderId of(String text, int start, int end) {
        int length = end - start;
        if (length == 1) {
            switch (Character.toLowerCase(text.charAt(start))) {
                case 'v': return VIA;
                case 'i': return CALL_ID;
                case 'f': return FROM;
                case 't': return TO;
                case 'm': return CONTACT;
                case 'l': return CONTENT_LENGTH;
                default: return OTHER;
            }
        }
        switch (length) {
            case 2: return is(text, start, "To") ? TO : OTHER;
            case 3: return is(text, start, "Via") ? VIA : OTHER;
            case 4: return is(text, start, "CSeq") ? CSEQ : is(text, start, "From") ? FROM : OTHER;
            case 5: return is(text, start, "Route") ? ROUTE : OTHER;
            case 7: return is(text, start, "Call-ID") ? CALL_ID : is(text, start, "Contact") ? CONTACT : OTHER;
            case 12: return is(text, start, "Max-Forwards") ? MAX_FORWARDS : is(text, start, "Record-Route") ? RECORD_ROUTE : OTHER;
            case 13: return is(text, start, "Authorization") ? AUTHORIZATION : OTHER;
            case 14: return is(text, start, "Content-Length") ? CONTENT_LENGTH : OTHER;
            case 19: return is(text, start, "Proxy-Authorization") ? PROXY_AUTHORIZATION
                    : is(text, start, "P-Asserted-Identity") ? P_ASSERTED_IDENTITY : OTHER;
            case 20: return is(text, start, "P-Preferred-Identity") ? P_PREFERRED_IDENTITY : OTHER;
            default: return OTHER;
        }
    }

    private static boolean is(String text, int start, String name) {
        return Text.is(text, start, start + name.length(), name);
    }
}
