package io.vpbx.sip.uplink;

import gov.nist.javax.sip.header.AuthenticationHeader;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ListIterator;
import javax.sip.header.Header;

/** The digest challenges of a 401 or 407, read with the JAIN-SIP parser (a rare answer, off the hot path). */
public final class Challenges {

    private Challenges() {
    }

    /** Every Digest challenge of a response's WWW-Authenticate and Proxy-Authenticate headers; empty when unreadable. */
    public static List<DigestChallenge> read(byte[] response) {
        try {
            SIPMessage message = new StringMsgParser().parseSIPMessage(response, true, false, null);
            return message instanceof SIPResponse parsed ? of(parsed) : List.of();
        } catch (ParseException | RuntimeException e) {
            return List.of();
        }
    }

    static List<DigestChallenge> of(SIPResponse response) {
        List<DigestChallenge> challenges = new ArrayList<>();
        add(response, "WWW-Authenticate", false, challenges);
        add(response, "Proxy-Authenticate", true, challenges);
        return challenges;
    }

    private static void add(SIPResponse response, String name, boolean proxy, List<DigestChallenge> into) {
        ListIterator<?> found = response.getHeaders(name);
        while (found != null && found.hasNext()) {
            Header header = (Header) found.next();
            if (header instanceof AuthenticationHeader challenge && "Digest".equalsIgnoreCase(challenge.getScheme())
                    && challenge.getRealm() != null && challenge.getNonce() != null) {
                String qop = challenge.getQop();
                into.add(new DigestChallenge(proxy, challenge.getRealm(), challenge.getNonce(), challenge.getOpaque(),
                        challenge.getAlgorithm(), qop == null ? List.of() : Arrays.asList(qop.split(",")), challenge.isStale()));
            }
        }
    }
}
