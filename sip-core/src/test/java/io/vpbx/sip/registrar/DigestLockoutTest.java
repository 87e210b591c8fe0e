package io.vpbx.sip.registrar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Toll-fraud control: repeated digest failures lock a username, first for the guessing address, then (at a
 * higher count, from several addresses) everywhere; locked, unknown and wrong answers look the same.
 */
class DigestLockoutTest {
    private static final String REALM = "pbx.example";
    private static final String URI = "sip:pbx.example";
    private static final String ATTACKER = "203.0.113.66";
    private static final String PHONE = "192.0.2.10";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-06T20:00:00Z"));
    private final NonceService nonces = new NonceService(clock, new SecureRandom(), Duration.ofMinutes(5), 1000);
    private final List<String> locks = new ArrayList<>();
    private final DigestLockout lockout = new DigestLockout(
            new DigestLockout.Policy(3, 7, Duration.ofMinutes(10), Duration.ofMinutes(15), 1000), clock,
            new DigestLockout.Events() {
                @Override
                public void locked(DigestLockout.Scope scope, String source, String username, Instant until) {
                    locks.add(scope + " " + source + " " + username + " " + until);
                }
            });
    private final Authenticator authenticator = new Authenticator(nonces, new SecureRandom(),
            Authenticator.DEFAULT_ALGORITHMS, lockout);
    private final Map<String, StoredCredentials> accounts = Map.of(
            "alice", StoredCredentials.fromPassword("alice", REALM, "s3cret", "sub-1"));
    private final Function<String, Optional<StoredCredentials>> lookup = username -> Optional.ofNullable(accounts.get(username));

    @Test
    void failuresFromOneAddressLockThatAddressOnlyAndTheAnswerLooksLikeAWrongPassword() {
        AuthOutcome.Challenge wrong = null;
        for (int i = 0; i < 3; i++) {
            wrong = challenge(ATTACKER, "alice", "guess-" + i);
        }
        assertEquals(List.of("SOURCE 203.0.113.66 alice 2026-12-06T20:15:00Z"), locks);

        AuthOutcome.Challenge lockedRight = challenge(ATTACKER, "alice", "s3cret");
        assertEquals(shape(wrong), shape(lockedRight), "the right password from a locked address gets a wrong password's answer");
        assertEquals(new AuthOutcome.Authenticated("sub-1", "alice"), attempt(PHONE, "alice", "s3cret"),
                "the phone at its own address is not locked out");

        clock.advance(Duration.ofMinutes(15));
        assertEquals(new AuthOutcome.Authenticated("sub-1", "alice"), attempt(ATTACKER, "alice", "s3cret"), "the lock ends");
    }

    @Test
    void oneAddressCannotLockAUsernameEverywhereButSeveralCan() {
        for (int i = 0; i < 50; i++) {
            challenge(ATTACKER, "alice", "guess-" + i);
        }
        assertEquals(1, locks.size(), "locked attempts do not count toward the username's lock: " + locks);
        assertInstanceOf(AuthOutcome.Authenticated.class, attempt(PHONE, "alice", "s3cret"));

        for (String source : List.of("198.51.100.1", "198.51.100.2")) {
            for (int i = 0; i < 3; i++) {
                challenge(source, "alice", "guess");
            }
        }
        assertEquals("USERNAME 198.51.100.2 alice 2026-12-06T20:15:00Z", locks.get(locks.size() - 1),
                "7 failures from three addresses lock alice everywhere");
        assertInstanceOf(AuthOutcome.Challenge.class, attempt(PHONE, "alice", "s3cret"));
        clock.advance(Duration.ofMinutes(15));
        assertInstanceOf(AuthOutcome.Authenticated.class, attempt(PHONE, "alice", "s3cret"));
    }

    @Test
    void unknownUsernamesAreCountedAndLockedExactlyLikeKnownOnes() {
        List<List<String>> known = new ArrayList<>();
        List<List<String>> unknown = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            known.add(shape(challenge(ATTACKER, "alice", "guess")));
            unknown.add(shape(challenge(ATTACKER, "mallory", "guess")));
        }
        assertEquals(known, unknown);
        assertEquals(List.of("SOURCE 203.0.113.66 alice 2026-12-06T20:15:00Z", "SOURCE 203.0.113.66 mallory 2026-12-06T20:15:00Z"),
                locks, "a lock says nothing about which usernames exist");
    }

    @Test
    void aSuccessClearsTheAddressesCountAndOldFailuresLeaveTheWindow() {
        challenge(PHONE, "alice", "typo");
        challenge(PHONE, "alice", "typo");
        attempt(PHONE, "alice", "s3cret");
        challenge(PHONE, "alice", "typo");
        challenge(PHONE, "alice", "typo");
        assertEquals(List.of(), locks, "a phone that mistypes and then gets it right is never locked");
        clock.advance(Duration.ofMinutes(11));
        challenge(PHONE, "alice", "typo");
        challenge(PHONE, "alice", "typo");
        assertEquals(List.of(), locks, "failures older than the window are forgotten");
    }

    private AuthOutcome attempt(String source, String username, String password) {
        return authenticator.authenticate("REGISTER", REALM, authorization(username, password, nonces.issue()), source, lookup);
    }

    private AuthOutcome.Challenge challenge(String source, String username, String password) {
        return assertInstanceOf(AuthOutcome.Challenge.class, attempt(source, username, password));
    }

    private static List<String> shape(AuthOutcome.Challenge challenge) {
        return challenge.challenges().stream().map(c -> c.toHeaderValue().replace(c.nonce(), "NONCE")).collect(Collectors.toList());
    }

    private static String authorization(String username, String password, String nonce) {
        DigestAlgorithm algorithm = DigestAlgorithm.SHA_256;
        String ha1 = DigestVerifier.ha1(algorithm, username, REALM, password);
        String response = DigestVerifier.response(algorithm, ha1, nonce, "00000001", "c1", "auth", "REGISTER", URI);
        return "Digest username=\"" + username + "\", realm=\"" + REALM + "\", nonce=\"" + nonce + "\", uri=\"" + URI
                + "\", response=\"" + response + "\", algorithm=SHA-256, cnonce=\"c1\", qop=auth, nc=00000001";
    }
}
