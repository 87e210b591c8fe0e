package io.vpbx.sip.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.vpbx.sip.SipText;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeaderLimitsTest {

    /** The eight header fields of {@link SipText#options}. */
    private static final int OPTIONS_FIELDS = 8;
    private static final String VIA = "SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK1";

    private static WireMessage options(String extraHeaders) {
        String text = SipText.options(VIA, "limits@example.com").replace("Content-Length: 0\n",
                extraHeaders + "Content-Length: 0\n");
        return WireMessage.parse(SipText.crlf(text));
    }

    @Test
    void aMessageAtTheLimitPasses() {
        WireMessage message = options("X-A: 1\n");
        assertEquals(OPTIONS_FIELDS + 1, message.headerCount());

        assertEquals(Optional.empty(), new HeaderLimits(OPTIONS_FIELDS + 1).check(message));
    }

    @Test
    void oneFieldOverTheLimitIsNamedAsTheProblem() {
        WireMessage message = options("X-A: 1\nX-B: 2\n");

        assertEquals(Optional.of("more than 9 header fields"), new HeaderLimits(OPTIONS_FIELDS + 1).check(message));
    }

    @Test
    void aFloodOfFieldsIsRefused() {
        WireMessage message = options("X-Flood: x\n".repeat(5000));

        assertEquals(Optional.of("more than 100 header fields"), new HeaderLimits(100).check(message));
    }

    @Test
    void foldedLinesAreOneField() {
        WireMessage message = options("Subject: a long\n subject\n\tfolded thrice\n");

        assertEquals(Optional.empty(), new HeaderLimits(OPTIONS_FIELDS + 1).check(message));
    }

    @Test
    void listsRoutingWalksCountOncePerElement() {
        HeaderLimits limits = new HeaderLimits(OPTIONS_FIELDS + 2);

        assertEquals(Optional.empty(), limits.check(options("Route: <sip:p1.example.com;lr>, <sip:p2.example.com;lr>\n")));
        assertEquals(Optional.of("more than 10 header fields"),
                limits.check(options("record-route: <sip:p1;lr>, <sip:p2;lr>, <sip:p3;lr>\n")));
        assertEquals(Optional.of("more than 10 header fields"),
                limits.check(options("v: SIP/2.0/UDP a;branch=z9hG4bK2, SIP/2.0/UDP b;branch=z9hG4bK3, SIP/2.0/UDP c\n")));
    }

    @Test
    void commasInsideQuotesOrUrisAreNoElements() {
        HeaderLimits limits = new HeaderLimits(OPTIONS_FIELDS + 1);

        assertEquals(Optional.empty(), limits.check(options("Contact: \"Doe, John\" <sip:john@example.com;x=a,b>\n")));
        assertEquals(Optional.empty(), limits.check(options("Accept-Language: da, en-gb;q=0.8, en;q=0.7\n")),
                "other lists count as the one field they are written as");
    }

    @Test
    void aLineWhoseNameIsNoTokenIsNoField() {
        assertEquals(Optional.empty(), new HeaderLimits(OPTIONS_FIELDS + 1).check(options("X-A: 1\nBad Name: 2\n")));
    }

    @Test
    void theLimitIsPositive() {
        assertThrows(IllegalArgumentException.class, () -> new HeaderLimits(0));
    }
}
