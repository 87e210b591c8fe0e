package io.vpbx.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.DigestAlgorithm;
import io.vpbx.sip.registrar.DigestVerifier;
import io.vpbx.sip.registrar.NonceService;
import io.vpbx.sip.registrar.Registrar;
import io.vpbx.sip.registrar.RegistrarPolicy;
import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A REGISTER from the bytes the proxy read to the bytes of the answer, through {@link StatelessResponder} and
 * {@link RegistrarService} (RFC 3261 section 10.3): the request is read once, as a {@link WireMessage}.
 */
class RegistrarServiceTest {

    private static final String REALM = "pbx.example";
    private static final String URI = "sip:pbx.example";
    private static final InetSocketAddress SOURCE = new InetSocketAddress("192.0.2.10", 5062);
    private static final String CONTACT = "<sip:alice@192.0.2.10:5062>";

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final NonceService nonces = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5), 1000);
    private final Registrar registrar = new Registrar(clock, new RegistrarPolicy(60, 3600, 3600, 10));
    private final RegistrarService service = new RegistrarService(REALM, new Authenticator(nonces, new SecureRandom()),
            registrar, clock, username -> "alice".equals(username)
                    ? Optional.of(StoredCredentials.fromPassword("alice", REALM, "s3cret", "sub-1")) : Optional.empty());
    private final StatelessResponder responder = new StatelessResponder("vpbx-test", 50, Optional.of(service));
    private int cseq;

    @Test
    void withoutCredentialsTheAnswerIs401WithAChallengePerAlgorithm() {
        String answer = answer(register("alice", "Contact: " + CONTACT, null));

        assertTrue(answer.startsWith("SIP/2.0 401 Unauthorized\r\n"), answer);
        assertTrue(answer.contains("\r\nWWW-Authenticate: Digest realm=\"pbx.example\", nonce=\""), answer);
        assertTrue(answer.contains("algorithm=SHA-256"), answer);
        assertTrue(answer.contains("algorithm=MD5"), answer);
        assertTrue(answer.matches("(?s).*\r\nTo: <sip:alice@pbx.example>;tag=[0-9a-f]+\r\n.*"), answer);
    }

    @Test
    void anAuthenticatedRegisterBindsItsContactsAndListsThem() {
        String answer = answer(registered("alice",
                "Contact: \"Alice, home\" " + CONTACT + ";expires=600;q=0.5;+sip.instance=\"<urn:uuid:1>\"\n"
                        + "m: <sip:alice@198.51.100.7>;expires=0600"));

        assertTrue(answer.startsWith("SIP/2.0 200 OK\r\n"), answer);
        assertTrue(answer.contains("\r\nContact: <sip:alice@192.0.2.10:5062>;expires=600;q=0.5;+sip.instance=\"<urn:uuid:1>\"\r\n"),
                answer);
        assertTrue(answer.contains("\r\nContact: <sip:alice@198.51.100.7>;expires=600\r\n"), answer);
        assertTrue(answer.contains("\r\nDate: Wed, 01 Jan 2025 00:00:00 GMT\r\n"), answer);
        assertEquals(List.of("sip:alice@198.51.100.7", "sip:alice@192.0.2.10:5062"), service.location().contactsOf("sub-1"),
                "highest q first");
    }

    @Test
    void aWildcardWithExpiresZeroRemovesEveryBinding() {
        answer(registered("alice", "Contact: " + CONTACT));

        String answer = answer(registered("alice", "Contact: *\nExpires: 0"));

        assertTrue(answer.startsWith("SIP/2.0 200 OK\r\n"), answer);
        assertFalse(answer.contains("\r\nContact:"), answer);
        assertEquals(List.of(), service.location().contactsOf("sub-1"));
    }

    @Test
    void theAorMustBeTheAuthenticatedUser() {
        String register = registered("alice", "Contact: " + CONTACT).replace("To: <sip:alice@", "To: <sip:bob@");

        assertStatus(register, "403 Forbidden (To is not the authenticated user)");
    }

    @Test
    void malformedContactsAndExpiresAre400NamingThem() {
        assertStatus(registered("alice", "Contact: " + CONTACT + " trailing"), "400 Bad Request (malformed Contact)");
        assertStatus(registered("alice", "Contact: sip:alice@192.0.2.10 x"), "400 Bad Request (malformed Contact)");
        assertStatus(registered("alice", "Contact: " + CONTACT + ";;expires=60"), "400 Bad Request (malformed Contact)");
        assertStatus(registered("alice", "Contact: " + CONTACT + ", "), "400 Bad Request (malformed Contact)");
        assertStatus(registered("alice", "Contact: " + CONTACT + "\nExpires: soon"), "400 Bad Request (malformed Expires)");
        assertStatus(registered("alice", "Contact: " + CONTACT + ";expires"),
                "400 Bad Request (malformed Contact parameter)");
        assertStatus(registered("alice", "Contact: " + CONTACT + ";q=1.5"), "400 Bad Request (malformed Contact parameter)");
        assertStatus(registered("alice", "Contact: " + CONTACT + ";q=0.1234"),
                "400 Bad Request (malformed Contact parameter)");
    }

    @Test
    void qValuesAndLongExpiriesFollowTheGrammar() {
        assertStatus(registered("alice", "Contact: " + CONTACT + ";q=1.000;expires=99999999999"), "200 OK");
        assertStatus(registered("alice", "Contact: " + CONTACT + ";q=0."), "200 OK");
        assertStatus(registered("alice", "Contact: " + CONTACT + ";q=0.125"), "200 OK");
    }

    @Test
    void aTooBriefIntervalIs423WithMinExpires() {
        String answer = answer(registered("alice", "Contact: " + CONTACT + ";expires=10"));

        assertTrue(answer.startsWith("SIP/2.0 423 Interval Too Brief\r\n"), answer);
        assertTrue(answer.contains("\r\nMin-Expires: 60\r\n"), answer);
    }

    private void assertStatus(String register, String statusAndReason) {
        String answer = answer(register);
        assertTrue(answer.startsWith("SIP/2.0 " + statusAndReason + "\r\n"), answer);
    }

    private String answer(String register) {
        Outcome outcome = responder.respond(WireMessage.parse(SipText.crlf(register)), SOURCE);
        return new String(assertInstanceOf(Outcome.Reply.class, outcome).bytes(), StandardCharsets.ISO_8859_1);
    }

    /** A REGISTER of {@code user} with a correct digest answer to a fresh nonce. */
    private String registered(String user, String headers) {
        String nonce = nonces.issue();
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.SHA_256, user, REALM, "s3cret");
        String response = DigestVerifier.response(DigestAlgorithm.SHA_256, ha1, nonce, "00000001", "c1", "auth",
                "REGISTER", URI);
        return register(user, headers, "Digest username=\"" + user + "\", realm=\"" + REALM + "\", nonce=\"" + nonce
                + "\", uri=\"" + URI + "\", response=\"" + response + "\", algorithm=SHA-256, cnonce=\"c1\", qop=auth, nc=00000001");
    }

    private String register(String user, String headers, String authorization) {
        cseq++;
        return """
                REGISTER sip:pbx.example SIP/2.0
                Via: SIP/2.0/UDP 192.0.2.10:5062;branch=z9hG4bKreg%d
                Max-Forwards: 70
                To: <sip:%s@pbx.example>
                From: <sip:%s@pbx.example>;tag=reg
                Call-ID: register@example.com
                CSeq: %d REGISTER
                %s
                %sContent-Length: 0

                """.formatted(cseq, user, user, cseq, headers,
                authorization == null ? "" : "Authorization: " + authorization + "\n");
    }
}
