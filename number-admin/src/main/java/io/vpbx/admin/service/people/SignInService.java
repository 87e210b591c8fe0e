package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.contact.ContactCodes;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.LoginAttempt;
import io.vpbx.admin.domain.people.PhoneHint;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.domain.people.SignInChallenge;
import io.vpbx.admin.domain.people.SignInOutcome;
import io.vpbx.admin.domain.people.UserSession;
import io.vpbx.admin.domain.people.UserState;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.service.contacts.SmsGateway;
import io.vpbx.admin.store.SessionStore;
import io.vpbx.admin.store.SignInStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.admin.store.UserStore;
import io.vpbx.config.ConsoleConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Signing in with a password and then a one-time code sent by SMS to the person's contact phone (ADR 0030). A wrong
 * e-mail and a wrong password are refused alike, in about the same time; every attempt goes to the login journal;
 * failures make the next try of the same e-mail or source wait longer ({@link SignInThrottle}). Failures are written
 * in a transaction of their own, so that the refusal that follows does not roll them back.
 */
public final class SignInService {
    /** Who tries to sign in, from where. */
    public record Client(String sourceIp, String userAgent, String requestId) {
    }

    /** A password accepted: the code went to the phone {@code phoneHint} hints at. */
    public record Challenge(String challengeId, String phoneHint) {
    }

    /** A session begun: {@code token} goes into the cookie and nowhere else. */
    public record NewSession(UserSession session, AccountUser user, String token) {
        @Override
        public String toString() {
            return "NewSession[" + session.id() + ", " + user.id() + "]";
        }
    }

    private final Transactions transactions;
    private final UserStore users;
    private final SessionStore sessions;
    private final SignInStore journal;
    private final SignInThrottle throttle;
    private final PasswordHasher hasher;
    private final ContactCodes codes;
    private final SessionSecrets secrets;
    private final SmsGateway sms;
    private final Auditor auditor;
    private final Clock clock;
    private final ConsoleConfig config;
    private final Map<SignInOutcome, Counter> outcomes = new EnumMap<>(SignInOutcome.class);

    public SignInService(Transactions transactions, UserStore users, SessionStore sessions, SignInStore journal,
                         SignInThrottle throttle, PasswordHasher hasher, ContactCodes codes, SessionSecrets secrets, SmsGateway sms,
                         Auditor auditor, Clock clock, ConsoleConfig config, MeterRegistry registry) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.journal = journal;
        this.throttle = throttle;
        this.hasher = hasher;
        this.codes = codes;
        this.secrets = secrets;
        this.sms = sms;
        this.auditor = auditor;
        this.clock = clock;
        this.config = config;
        for (SignInOutcome outcome : SignInOutcome.values()) {
            outcomes.put(outcome, Counter.builder("vpbx_console_sign_ins").tag("outcome", outcome.wireName())
                    .description("Console sign-in attempts by outcome: ok (a session began), bad_password, bad_code, locked")
                    .register(registry));
        }
    }

    /** Checks the password and sends a code; refuses with {@link SignInRefusedException}. */
    public Challenge start(String emailText, String password, Client client) {
        String email = emailText == null ? "" : emailText.strip().toLowerCase(Locale.ROOT);
        if (email.isEmpty() || email.length() > AccountUser.MAX_EMAIL_LENGTH || password == null || password.length() > 1024) {
            hasher.matchesNobody(password);
            failed(null, email.isEmpty() ? "(none)" : email.substring(0, Math.min(email.length(), AccountUser.MAX_EMAIL_LENGTH)),
                    client, SignInOutcome.BAD_PASSWORD);
            throw SignInRefusedException.badCredentials();
        }
        List<String> subjects = List.of(SignInThrottle.email(email), SignInThrottle.source(client.sourceIp()));
        record Found(long waitSeconds, AccountUser user, String hash) {
        }
        Found found = transactions.inTransaction(tx -> {
            long wait = throttle.waitSeconds(tx, subjects);
            Optional<AccountUser> user = users.findByEmail(tx, email);
            if (wait > 0) {
                record(tx, attempt(user.orElse(null), email, client, SignInOutcome.LOCKED));
                return new Found(wait, null, null);
            }
            return new Found(0, user.orElse(null), user.isEmpty() ? null : users.passwordHash(tx, user.get().id()).orElse(null));
        });
        if (found.waitSeconds() > 0) {
            throw SignInRefusedException.locked(found.waitSeconds());
        }
        boolean right = found.hash() == null ? hasher.matchesNobody(password) : hasher.matches(password, found.hash());
        AccountUser user = found.user();
        if (!right || user.state() != UserState.ACTIVE || user.contactPhone() == null) {
            failed(user, email, client, SignInOutcome.BAD_PASSWORD);
            throw SignInRefusedException.badCredentials();
        }
        String code = codes.newCode();
        String salt = codes.newSalt();
        Instant now = clock.instant();
        SignInChallenge challenge = new SignInChallenge(UUID.randomUUID().toString(), user.id(),
                ContactCodes.hash(salt, ContactCodes.Target.NEW_PHONE, code), salt, config.codeAttempts(), now.plus(config.codeTtl()),
                now, null);
        transactions.inTransaction(tx -> {
            sessions.addChallenge(tx, challenge);
            sms.send(tx, user.contactPhone(), "vpbx sign-in code " + code + ". It works for " + config.codeTtl().toMinutes()
                    + " minutes. Never tell it to anyone, vpbx staff included.");
            return null;
        });
        return new Challenge(challenge.id(), PhoneHint.of(user.contactPhone()));
    }

    /** Checks the code of a challenge and begins a session; refuses with {@link SignInRefusedException}. */
    public NewSession verify(String challengeId, String code, Client client) {
        Instant now = clock.instant();
        record Checked(NewSession session, long waitSeconds, AccountUser user, String email, SignInOutcome outcome) {
        }
        Checked checked = transactions.inTransaction(tx -> {
            SignInChallenge challenge = challengeId == null || challengeId.length() > 36 ? null
                    : sessions.challenge(tx, challengeId).orElse(null);
            AccountUser user = challenge == null ? null : users.find(tx, challenge.userId()).orElse(null);
            if (user == null) {
                return new Checked(null, 0, null, "(unknown challenge)", SignInOutcome.BAD_CODE);
            }
            long wait = throttle.waitSeconds(tx, List.of(SignInThrottle.email(user.email()), SignInThrottle.source(client.sourceIp())));
            if (wait > 0) {
                record(tx, attempt(user, user.email(), client, SignInOutcome.LOCKED));
                return new Checked(null, wait, user, user.email(), SignInOutcome.LOCKED);
            }
            if (!challenge.openAt(now) || user.state() != UserState.ACTIVE || !ContactCodes.wellFormed(code)
                    || !ContactCodes.matches(challenge.salt(), ContactCodes.Target.NEW_PHONE, code, challenge.codeHash())) {
                if (challenge.openAt(now)) {
                    sessions.spendAttempt(tx, challenge.id());
                }
                return new Checked(null, 0, user, user.email(), SignInOutcome.BAD_CODE);
            }
            sessions.useChallenge(tx, challenge.id(), now);
            throttle.succeeded(tx, SignInThrottle.email(user.email()));
            return new Checked(begin(tx, user, client, now), 0, user, user.email(), SignInOutcome.OK);
        });
        if (checked.outcome() == SignInOutcome.LOCKED) {
            throw SignInRefusedException.locked(checked.waitSeconds());
        }
        if (checked.outcome() == SignInOutcome.BAD_CODE) {
            failed(checked.user(), checked.email(), client, SignInOutcome.BAD_CODE);
            throw SignInRefusedException.badCode();
        }
        return checked.session();
    }

    private NewSession begin(Tx tx, AccountUser user, Client client, Instant now) throws SQLException {
        String token = secrets.newToken();
        UserSession session = new UserSession(UUID.randomUUID().toString(), SessionSecrets.hash(token), user.id(), now, now,
                now.plus(config.sessionMax()), client.sourceIp(), LoginAttempt.userAgent(client.userAgent()), null);
        sessions.addSession(tx, session);
        record(tx, attempt(user, user.email(), client, SignInOutcome.OK));
        RequestContext self = new RequestContext(Principal.user(user.accountId(), user.id(), user.role()), client.sourceIp(),
                client.requestId());
        auditor.record(tx, self, user.accountId(), "session.created", "session", session.id(), new Changes()
                .field("user_id", null, user.id()).field("expires_at", null, session.expiresAt().toString()).list());
        return new NewSession(session, user, token);
    }

    private void failed(AccountUser user, String email, Client client, SignInOutcome outcome) {
        List<String> subjects = user == null && email.startsWith("(")
                ? List.of(SignInThrottle.source(client.sourceIp()))
                : List.of(SignInThrottle.email(email), SignInThrottle.source(client.sourceIp()));
        transactions.inTransaction(tx -> {
            throttle.failed(tx, subjects);
            record(tx, attempt(user, email, client, outcome));
            return null;
        });
    }

    /** Journals the attempt and, once committed, counts its outcome. */
    private void record(Tx tx, LoginAttempt attempt) throws SQLException {
        journal.journal(tx, attempt);
        tx.afterCommit(outcomes.get(attempt.outcome())::increment);
    }

    private LoginAttempt attempt(AccountUser user, String email, Client client, SignInOutcome outcome) {
        return new LoginAttempt(0, clock.instant(), user == null ? null : user.accountId(), user == null ? null : user.id(), email,
                client.sourceIp(), LoginAttempt.userAgent(client.userAgent()), outcome);
    }
}
