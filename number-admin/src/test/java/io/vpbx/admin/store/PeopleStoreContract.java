package io.vpbx.admin.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.FailureCount;
import io.vpbx.admin.domain.people.Invitation;
import io.vpbx.admin.domain.people.LoginAttempt;
import io.vpbx.admin.domain.people.SignInChallenge;
import io.vpbx.admin.domain.people.SignInOutcome;
import io.vpbx.admin.domain.people.UserRole;
import io.vpbx.admin.domain.people.UserSession;
import io.vpbx.admin.domain.people.UserState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the stores of people who sign in must do (users, sessions, sign-in failures and journal), on every backend. */
public interface PeopleStoreContract extends StoreContract {
    UserStore users();

    SessionStore userSessions();

    SignInStore signIns();

    Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

    @Override
    default void seed() {
        inTx(tx -> {
            accounts().create(tx, new Account("acc-1", "Acme", T0));
            accounts().create(tx, new Account("acc-2", "Globex", T0));
            return null;
        });
    }

    private boolean check(TxWork<Boolean> work) {
        return inTx(work);
    }

    private AccountUser user(String id, String accountId, String email, UserRole role, UserState state) {
        AccountUser user = new AccountUser(id, accountId, email, "Name " + id, role, "+79161234567", state, T0, T0);
        assertTrue(check(tx -> users().add(tx, user)));
        return user;
    }

    @Test
    default void peopleAreFoundByIdAndEmailListedPerAccountAndEmailsAreUnique() {
        AccountUser olga = user("u-1", "acc-1", "olga@acme.example", UserRole.OWNER, UserState.ACTIVE);
        user("u-2", "acc-1", "ed@acme.example", UserRole.EDITOR, UserState.INVITED);
        user("u-3", "acc-2", "gus@globex.example", UserRole.OWNER, UserState.ACTIVE);
        user("u-4", null, "sam@vpbx.example", UserRole.OPERATOR, UserState.ACTIVE);

        assertEquals(Optional.of(olga), inTx(tx -> users().find(tx, "u-1")));
        assertEquals(Optional.of(olga), inTx(tx -> users().findByEmail(tx, "olga@acme.example")));
        assertFalse(check(tx -> users().add(tx, new AccountUser("u-9", "acc-2", "olga@acme.example", "Copy", UserRole.VIEWER, null,
                UserState.INVITED, T0, T0))), "an e-mail belongs to one person");
        assertEquals(List.of("u-1", "u-2"), inTx(tx -> users().list(tx, "acc-1", null, 10)).stream().map(AccountUser::id).toList());
        assertEquals(List.of("u-2"), inTx(tx -> users().list(tx, "acc-1", "u-1", 10)).stream().map(AccountUser::id).toList());
        assertEquals(List.of("u-4"), inTx(tx -> users().list(tx, null, null, 10)).stream().map(AccountUser::id).toList(),
                "no account: the operator's staff");
        assertEquals(1, (int) inTx(tx -> users().owners(tx, "acc-1")));

        AccountUser changed = olga.with("Olga P.", UserRole.ADMIN, "+79031112233", UserState.ACTIVE, T0.plusSeconds(5));
        inTx(tx -> {
            users().update(tx, changed);
            return null;
        });
        assertEquals(Optional.of(changed), inTx(tx -> users().find(tx, "u-1")));
        assertEquals(0, (int) inTx(tx -> users().owners(tx, "acc-1")));
    }

    @Test
    default void passwordsAndInvitationsAreKeptAndAnInvitationIsAcceptedOnce() {
        user("u-1", "acc-1", "olga@acme.example", UserRole.OWNER, UserState.INVITED);
        assertEquals(Optional.empty(), inTx(tx -> users().passwordHash(tx, "u-1")));
        Invitation invitation = new Invitation("a".repeat(64), "u-1", T0, T0.plus(Duration.ofHours(72)), null);
        inTx(tx -> {
            users().addInvitation(tx, invitation);
            return null;
        });
        assertEquals(Optional.of(invitation), inTx(tx -> users().invitation(tx, "a".repeat(64))));
        assertTrue(check(tx -> users().acceptInvitation(tx, "a".repeat(64), T0.plusSeconds(60))));
        assertFalse(check(tx -> users().acceptInvitation(tx, "a".repeat(64), T0.plusSeconds(61))), "once");
        inTx(tx -> {
            users().setPasswordHash(tx, "u-1", "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA", T0.plusSeconds(60));
            return null;
        });
        assertEquals(Optional.of("$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA"), inTx(tx -> users().passwordHash(tx, "u-1")));
        inTx(tx -> {
            users().delete(tx, "u-1");
            return null;
        });
        assertEquals(Optional.empty(), inTx(tx -> users().find(tx, "u-1")));
        assertEquals(Optional.empty(), inTx(tx -> users().invitation(tx, "a".repeat(64))));
    }

    @Test
    default void challengesSpendTriesAndSessionsAreFoundByTokenHashTouchedAndRevoked() {
        user("u-1", "acc-1", "olga@acme.example", UserRole.OWNER, UserState.ACTIVE);
        SignInChallenge challenge = new SignInChallenge("c-1", "u-1", "h".repeat(64), "s".repeat(32), 5, T0.plusSeconds(300), T0, null);
        inTx(tx -> {
            userSessions().addChallenge(tx, challenge);
            userSessions().spendAttempt(tx, "c-1");
            return null;
        });
        assertEquals(4, inTx(tx -> userSessions().challenge(tx, "c-1")).orElseThrow().attemptsLeft());
        assertTrue(check(tx -> userSessions().useChallenge(tx, "c-1", T0.plusSeconds(10))));
        assertFalse(check(tx -> userSessions().useChallenge(tx, "c-1", T0.plusSeconds(11))));

        UserSession one = new UserSession("s-1", "1".repeat(64), "u-1", T0, T0, T0.plus(Duration.ofHours(12)), "127.0.0.1", "Firefox", null);
        UserSession two = new UserSession("s-2", "2".repeat(64), "u-1", T0.plusSeconds(1), T0.plusSeconds(1),
                T0.plus(Duration.ofHours(12)), "10.0.0.1", null, null);
        inTx(tx -> {
            userSessions().addSession(tx, one);
            userSessions().addSession(tx, two);
            userSessions().touch(tx, "s-1", T0.plusSeconds(90));
            return null;
        });
        assertEquals(T0.plusSeconds(90), inTx(tx -> userSessions().sessionByTokenHash(tx, "1".repeat(64))).orElseThrow().lastSeenAt());
        assertEquals(List.of("s-2", "s-1"), inTx(tx -> userSessions().sessionsOf(tx, "u-1", T0.plusSeconds(100))).stream()
                .map(UserSession::id).toList(), "newest first");
        assertTrue(check(tx -> userSessions().revoke(tx, "s-2", T0.plusSeconds(100))));
        assertFalse(check(tx -> userSessions().revoke(tx, "s-2", T0.plusSeconds(101))));
        assertEquals(1, (int) inTx(tx -> userSessions().revokeAllOf(tx, "u-1", null, T0.plusSeconds(102))));
        assertEquals(List.of(), inTx(tx -> userSessions().sessionsOf(tx, "u-1", T0.plusSeconds(103))));
        assertEquals(3, (int) inTx(tx -> userSessions().purgeEnded(tx, T0.plus(Duration.ofDays(1)))),
                "the challenge and both revoked sessions");
        assertEquals(Optional.empty(), inTx(tx -> userSessions().session(tx, "s-1")));
    }

    @Test
    default void failureCountsAreSavedClearedAndPurgedAndTheJournalPagesNewestFirstPerAccount() {
        FailureCount count = new FailureCount("email:olga@acme.example", 1, T0, null);
        inTx(tx -> {
            signIns().saveFailures(tx, count);
            signIns().saveFailures(tx, new FailureCount("email:olga@acme.example", 6, T0.plusSeconds(5), T0.plusSeconds(7)));
            signIns().saveFailures(tx, new FailureCount("source:10.0.0.1", 1, T0, null));
            return null;
        });
        assertEquals(Optional.of(new FailureCount("email:olga@acme.example", 6, T0.plusSeconds(5), T0.plusSeconds(7))),
                inTx(tx -> signIns().failures(tx, "email:olga@acme.example")));
        assertEquals(1, (int) inTx(tx -> signIns().purgeFailures(tx, T0.plusSeconds(1))), "the source's count is old and not waiting");
        inTx(tx -> {
            signIns().clearFailures(tx, "email:olga@acme.example");
            return null;
        });
        assertEquals(Optional.empty(), inTx(tx -> signIns().failures(tx, "email:olga@acme.example")));

        inTx(tx -> {
            for (int i = 0; i < 5; i++) {
                signIns().journal(tx, new LoginAttempt(0, T0.plusSeconds(i), "acc-1", "u-1", "olga@acme.example", "127.0.0.1", "Firefox",
                        i == 4 ? SignInOutcome.OK : SignInOutcome.BAD_PASSWORD));
            }
            signIns().journal(tx, new LoginAttempt(0, T0, "acc-2", "u-3", "gus@globex.example", "10.0.0.2", null, SignInOutcome.LOCKED));
            signIns().journal(tx, new LoginAttempt(0, T0, null, null, "nobody@acme.example", "10.0.0.3", null, SignInOutcome.BAD_PASSWORD));
            return null;
        });
        List<LoginAttempt> first = inTx(tx -> signIns().journalPage(tx, "acc-1", false, null, 3));
        assertEquals(List.of(SignInOutcome.OK, SignInOutcome.BAD_PASSWORD, SignInOutcome.BAD_PASSWORD),
                first.stream().map(LoginAttempt::outcome).toList());
        assertEquals(T0.plusSeconds(4), first.get(0).at());
        assertEquals(2, inTx(tx -> signIns().journalPage(tx, "acc-1", false, first.get(2).id(), 3)).size());
        assertEquals(List.of("nobody@acme.example"), inTx(tx -> signIns().journalPage(tx, null, false, null, 10)).stream()
                .map(LoginAttempt::email).toList(), "no account: what belongs to none");
        assertEquals(7, inTx(tx -> signIns().journalPage(tx, null, true, null, 10)).size());
        assertEquals(3, (int) inTx(tx -> signIns().purgeJournal(tx, T0.plusSeconds(1))), "the lines before T0 + 1 s");
        assertEquals(4, inTx(tx -> signIns().journalPage(tx, null, true, null, 10)).size());
    }
}
