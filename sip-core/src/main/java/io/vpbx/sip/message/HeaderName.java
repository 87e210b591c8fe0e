package io.vpbx.sip.message;

import java.util.Locale;
import java.util.Map;

/**
 * Canonical spellings of the header names vpbx reads, and the compact forms of RFC 3261 section 7.3.3
 * (and later RFCs) mapped onto them. Header names are case-insensitive on the wire.
 */
public final class HeaderName {

    public static final String VIA = "Via";
    public static final String FROM = "From";
    public static final String TO = "To";
    public static final String CALL_ID = "Call-ID";
    public static final String CSEQ = "CSeq";
    public static final String MAX_FORWARDS = "Max-Forwards";
    public static final String CONTENT_LENGTH = "Content-Length";
    public static final String CONTENT_TYPE = "Content-Type";
    public static final String CONTACT = "Contact";
    public static final String SUPPORTED = "Supported";
    public static final String EXPIRES = "Expires";
    public static final String MIN_EXPIRES = "Min-Expires";
    public static final String AUTHORIZATION = "Authorization";
    public static final String WWW_AUTHENTICATE = "WWW-Authenticate";
    public static final String DATE = "Date";

    private static final Map<String, String> BY_LOWER_CASE = Map.ofEntries(
            Map.entry("via", VIA), Map.entry("v", VIA),
            Map.entry("from", FROM), Map.entry("f", FROM),
            Map.entry("to", TO), Map.entry("t", TO),
            Map.entry("call-id", CALL_ID), Map.entry("i", CALL_ID),
            Map.entry("cseq", CSEQ),
            Map.entry("max-forwards", MAX_FORWARDS),
            Map.entry("content-length", CONTENT_LENGTH), Map.entry("l", CONTENT_LENGTH),
            Map.entry("content-type", CONTENT_TYPE), Map.entry("c", CONTENT_TYPE),
            Map.entry("contact", CONTACT), Map.entry("m", CONTACT),
            Map.entry("supported", SUPPORTED), Map.entry("k", SUPPORTED),
            Map.entry("expires", EXPIRES),
            Map.entry("min-expires", MIN_EXPIRES),
            Map.entry("authorization", AUTHORIZATION),
            Map.entry("www-authenticate", WWW_AUTHENTICATE),
            Map.entry("date", DATE));

    private HeaderName() {
    }

    /**
     * The canonical name for a header name as written on the wire; names vpbx does not know are returned
     * as written.
     */
    public static String canonical(String onTheWire) {
        return BY_LOWER_CASE.getOrDefault(onTheWire.toLowerCase(Locale.ROOT), onTheWire);
    }
}
