package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AuthenticatorTest {

    private static final String REALM = "pbx.example";
    private static final String URI = "sip:pbx.example";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final NonceService nonces = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5), 1000);
    private final Authenticator authenticator = new Authenticator(nonces, new SecureRandom());
    private final Map<String, StoredCredentials> accounts = Map.of(
            "alice", StoredCredentials.fromPassword("alice", REALM, "s3cret", "sub-1"));
    private final Function<String, Optional<StoredCredentials>> lookup =
            username -> Optional.ofNullable(accounts.get(username));

    @Test
    void noAuthorizationGivesSha256ThenMd5Challenge() {
        AuthOutcome.Challenge challenge = challenge(null);

        assertEquals(List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5), algorithms(challenge));
        assertEquals(false, challenge.stale());
        DigestChallenge first = challenge.challenges().get(0);
        assertEquals(REALM, first.realm());
        assertEquals(first.nonce(), challenge.challenges().get(1).nonce());
        assertEquals("Digest realm=\"pbx.example\", nonce=\"" + first.nonce() + "\", algorithm=SHA-256, qop=\"auth\"",
                first.toHeaderValue());
    }

    @Test
    void correctSha256AndMd5ResponsesAuthenticate() {
        for (DigestAlgorithm algorithm : DigestAlgorithm.values()) {
            String nonce = nonces.issue();
            AuthOutcome outcome = authenticate(authorization(algorithm, "alice", "s3cret", nonce, 1));
            assertEquals(new AuthOutcome.Authenticated("sub-1", "alice"), outcome);
        }
    }

    @Test
    void unknownUserAndWrongPasswordAreIndistinguishable() {
        AuthOutcome.Challenge wrongPassword = challenge(authorization(DigestAlgorithm.SHA_256, "alice", "guess",
                nonces.issue(), 1));
        AuthOutcome.Challenge unknownUser = challenge(authorization(DigestAlgorithm.SHA_256, "mallory", "guess",
                nonces.issue(), 1));

        assertEquals(shape(wrongPassword), shape(unknownUser));
        assertEquals(shape(challenge(null)), shape(unknownUser));
        assertNotEquals(wrongPassword.challenges().get(0).nonce(), unknownUser.challenges().get(0).nonce());
    }

    @Test
    void expiredNonceWithCorrectPasswordIsStale() {
        String nonce = nonces.issue();
        clock.advance(Duration.ofMinutes(6));

        AuthOutcome.Challenge correct = challenge(authorization(DigestAlgorithm.SHA_256, "alice", "s3cret", nonce, 1));
        AuthOutcome.Challenge wrong = challenge(authorization(DigestAlgorithm.SHA_256, "alice", "guess", nonce, 1));

        assertEquals(true, correct.stale());
        assertEquals(true, correct.challenges().get(0).stale());
        assertEquals(false, wrong.stale());
    }

    @Test
    void forgedNonceIsChallengedAfresh() {
        String forged = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5), 10).issue();
        AuthOutcome.Challenge challenge = challenge(authorization(DigestAlgorithm.MD5, "alice", "s3cret", forged, 1));
        assertEquals(false, challenge.stale());
    }

    @Test
    void replayedNonceCountIsForbidden() {
        String nonce = nonces.issue();
        String header = authorization(DigestAlgorithm.SHA_256, "alice", "s3cret", nonce, 1);
        assertInstanceOf(AuthOutcome.Authenticated.class, authenticate(header));
        assertInstanceOf(AuthOutcome.Forbidden.class, authenticate(header));
    }

    @Test
    void increasingNonceCountKeepsAuthenticating() {
        String nonce = nonces.issue();
        for (int nc = 1; nc <= 3; nc++) {
            assertInstanceOf(AuthOutcome.Authenticated.class,
                    authenticate(authorization(DigestAlgorithm.SHA_256, "alice", "s3cret", nonce, nc)));
        }
    }

    @Test
    void responseWithoutQopIsSingleUse() {
        String nonce = nonces.issue();
        String ha1 = DigestVerifier.ha1(DigestAlgorithm.MD5, "alice", REALM, "s3cret");
        String response = DigestVerifier.response(DigestAlgorithm.MD5, ha1, nonce, null, null, null, "REGISTER", URI);
        String header = "Digest username=\"alice\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response + "\"";

        assertInstanceOf(AuthOutcome.Authenticated.class, authenticate(header));
        assertEquals(true, challenge(header).stale());
    }

    @Test
    void malformedHeaderOrOtherRealmIsChallenged() {
        assertEquals(false, challenge("Digest username=\"alice").stale());
        String otherRealm = authorization(DigestAlgorithm.SHA_256, "alice", "s3cret", nonces.issue(), 1)
                .replace("realm=\"" + REALM + "\"", "realm=\"other.example\"");
        assertEquals(false, challenge(otherRealm).stale());
    }

    @Test
    void responseForAnotherMethodIsRejected() {
        String header = authorization(DigestAlgorithm.SHA_256, "alice", "s3cret", nonces.issue(), 1);
        assertInstanceOf(AuthOutcome.Challenge.class, authenticator.authenticate("INVITE", REALM, header, lookup));
    }

    @Test
    void offeringMd5AloneChallengesWithMd5AndRefusesSha256Responses() {
        Authenticator md5Only = new Authenticator(nonces, new SecureRandom(), List.of(DigestAlgorithm.MD5));

        AuthOutcome first = md5Only.authenticate("REGISTER", REALM, null, lookup);
        assertEquals(List.of(DigestAlgorithm.MD5), algorithms((AuthOutcome.Challenge) first));
        assertEquals(new AuthOutcome.Authenticated("sub-1", "alice"), md5Only.authenticate("REGISTER", REALM,
                authorization(DigestAlgorithm.MD5, "alice", "s3cret", nonces.issue(), 1), lookup));
        assertInstanceOf(AuthOutcome.Challenge.class, md5Only.authenticate("REGISTER", REALM,
                authorization(DigestAlgorithm.SHA_256, "alice", "s3cret", nonces.issue(), 1), lookup));
    }

    @Test
    void offeredAlgorithmsMustBeSomeAndDistinct() {
        assertThrows(IllegalArgumentException.class,
                () -> new Authenticator(nonces, new SecureRandom(), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new Authenticator(nonces, new SecureRandom(), List.of(DigestAlgorithm.MD5, DigestAlgorithm.MD5)));
    }

    private AuthOutcome authenticate(String header) {
        return authenticator.authenticate("REGISTER", REALM, header, lookup);
    }

    private AuthOutcome.Challenge challenge(String header) {
        return assertInstanceOf(AuthOutcome.Challenge.class, authenticate(header));
    }

    /** Everything a client can observe in a challenge except the nonce value itself. */
    private static List<String> shape(AuthOutcome.Challenge challenge) {
        return challenge.challenges().stream()
                .map(c -> c.toHeaderValue().replace(c.nonce(), "NONCE"))
                .collect(Collectors.toList());
    }

    private static List<DigestAlgorithm> algorithms(AuthOutcome.Challenge challenge) {
        return challenge.challenges().stream().map(DigestChallenge::algorithm).collect(Collectors.toList());
    }

    /** What a UA sends after a challenge (RFC 7616 section 3.4). */
    private static String authorization(DigestAlgorithm algorithm, String username, String password, String nonce,
                                        int nc) {
        String ha1 = DigestVerifier.ha1(algorithm, username, REALM, password);
        String ncText = String.format("%08x", nc);
        String cnonce = "c" + nc;
        String response = DigestVerifier.response(algorithm, ha1, nonce, ncText, cnonce, "auth", "REGISTER", URI);
        return "Digest username=\"" + username + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response + "\", algorithm=" + algorithm.wireName() + ", cnonce=\"" + cnonce
                + "\", qop=auth, nc=" + ncText;
    }
}
