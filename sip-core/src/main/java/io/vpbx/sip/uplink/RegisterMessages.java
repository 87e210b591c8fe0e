package io.vpbx.sip.uplink;

import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/**
 * REGISTER requests to other operators and their answers, through the JAIN-SIP message model: a whole message
 * is built and read here, a few times per registration interval, so its full model is worth its cost
 * (ADR 0006 keeps it off the call path only). Pure: bytes in, bytes and values out.
 */
public final class RegisterMessages {
    private static final int MAX_FORWARDS = 70;

    private final AddressFactoryImpl addresses = new AddressFactoryImpl();
    private final HeaderFactoryImpl headers = new HeaderFactoryImpl();
    private final MessageFactoryImpl messages = new MessageFactoryImpl();
    private final String userAgent;

    public RegisterMessages(String userAgent) {
        this.userAgent = userAgent;
    }

    /**
     * One REGISTER for {@code account}.
     *
     * @param via our Via value, branch included ({@code SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK...})
     * @param contactHostPort where the operator should send calls: our advertised host and port
     */
    public byte[] register(UplinkAccount account, String callId, String fromTag, String via, String contactHostPort,
                           RegisterRequest request) {
        try {
            Address aor = addresses.createAddress(addresses.createURI(account.addressOfRecord()));
            List<ViaHeader> vias = new ArrayList<>(1);
            vias.add((ViaHeader) headers.createHeader("Via", via));
            Request register = messages.createRequest(addresses.createURI(account.registrarUri()), Request.REGISTER,
                    headers.createCallIdHeader(callId), headers.createCSeqHeader(request.cseq(), Request.REGISTER),
                    headers.createFromHeader(aor, fromTag), headers.createToHeader(aor, null), vias,
                    headers.createMaxForwardsHeader(MAX_FORWARDS));
            SipURI contactUri = addresses.createSipURI(account.contactUser(), contactHostPort);
            if (account.transport().equals("tcp")) {
                contactUri.setTransportParam("tcp");
            }
            register.addHeader(headers.createContactHeader(addresses.createAddress(contactUri)));
            register.addHeader(headers.createExpiresHeader(request.expires()));
            if (request.authorizationHeader() != null) {
                register.addHeader(headers.createHeader(request.authorizationHeader(), request.authorizationValue()));
            }
            register.addHeader(headers.createHeader("User-Agent", userAgent));
            register.setHeader(headers.createContentLengthHeader(0));
            return register.toString().getBytes(StandardCharsets.UTF_8);
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            // the account's fields were validated by the admin API; failing here is a bug, not bad input
            throw new IllegalArgumentException("cannot build a REGISTER for " + account + ": " + e.getMessage(), e);
        }
    }

    /** Reads a registrar's answer; empty when it is not a well-formed SIP response. */
    public Optional<RegisterResponse> read(byte[] bytes, String contactUser) {
        SIPMessage message;
        try {
            message = new StringMsgParser().parseSIPMessage(bytes, true, false, null);
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
        if (!(message instanceof SIPResponse response)) {
            return Optional.empty();
        }
        List<DigestChallenge> challenges = Challenges.of(response);
        RetryAfterHeader retryAfter = (RetryAfterHeader) response.getHeader(RetryAfterHeader.NAME);
        MinExpiresHeader minExpires = (MinExpiresHeader) response.getHeader(MinExpiresHeader.NAME);
        return Optional.of(new RegisterResponse(response.getStatusCode(), response.getReasonPhrase(), challenges,
                retryAfter == null ? -1 : retryAfter.getRetryAfter(), minExpires == null ? -1 : minExpires.getExpires(),
                grantedExpires(response, contactUser)));
    }

    /** Our Contact's expires parameter, else the Expires header; -1 when the answer does not list our Contact. */
    private static int grantedExpires(SIPResponse response, String contactUser) {
        ListIterator<?> contacts = response.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            ContactHeader contact = (ContactHeader) contacts.next();
            if (contact.getAddress() != null && contact.getAddress().getURI() instanceof SipURI uri
                    && contactUser.equals(uri.getUser())) {
                if (contact.getExpires() >= 0) {
                    return contact.getExpires();
                }
                ExpiresHeader expires = response.getExpires();
                return expires == null ? -1 : expires.getExpires();
            }
        }
        return -1;
    }
}
