package io.vpbx.admin.service.people;

import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.domain.people.UserSession;
import io.vpbx.admin.domain.people.UserState;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.SessionStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.UserStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions after sign-in: the cookie's token found by its hash, alive while used within the idle limit, before its
 * absolute end and while its person stays active; signing out and ending one's own other sessions. A session's
 * last use is written at most once a minute, so that a busy console costs one read per request, not a write.
 */
public final class SessionService {
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    /** A live session and its person, as read for one request. */
    public record SignedIn(UserSession session, AccountUser user) {
        public Principal principal() {
            return Principal.user(user.accountId(), user.id(), user.role());
        }
    }

    private final Transactions transactions;
    private final SessionStore sessions;
    private final UserStore users;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration idle;

    public SessionService(Transactions transactions, SessionStore sessions, UserStore users, Auditor auditor, Clock clock, Duration idle) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.users = users;
        this.auditor = auditor;
        this.clock = clock;
        this.idle = idle;
    }

    /** The live session whose cookie holds {@code token}; empty for anything else. Notes its use. */
    public Optional<SignedIn> authenticate(String token) {
        if (!SessionSecrets.plausible(token)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> {
            Optional<UserSession> found = sessions.sessionByTokenHash(tx, SessionSecrets.hash(token)).filter(s -> s.liveAt(now, idle));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Optional<AccountUser> user = users.find(tx, found.get().userId()).filter(u -> u.state() == UserState.ACTIVE);
            if (user.isEmpty()) {
                return Optional.empty();
            }
            if (!now.isBefore(found.get().lastSeenAt().plus(TOUCH_EVERY))) {
                sessions.touch(tx, found.get().id(), now);
            }
            return Optional.of(new SignedIn(found.get(), user.get()));
        });
    }

    /** Ends the caller's session (signing out). */
    public void signOut(RequestContext ctx, String sessionId) {
        revoke(ctx, sessionId, "session.ended");
    }

    /** The caller's live sessions, newest first. */
    public List<UserSession> mine(RequestContext ctx) {
        String userId = requireUser(ctx);
        Instant now = clock.instant();
        return transactions.inTransaction(tx -> sessions.sessionsOf(tx, userId, now)).stream().filter(s -> s.liveAt(now, idle)).toList();
    }

    /** Ends one of the caller's own sessions (another browser); another person's session does not exist (404). */
    public void revoke(RequestContext ctx, String sessionId) {
        revoke(ctx, sessionId, "session.revoked");
    }

    private void revoke(RequestContext ctx, String sessionId, String action) {
        String userId = requireUser(ctx);
        Instant now = clock.instant();
        transactions.inTransaction(tx -> {
            UserSession session = sessions.session(tx, sessionId).filter(s -> s.userId().equals(userId))
                    .orElseThrow(() -> new NotFoundException("session " + sessionId));
            if (sessions.revoke(tx, session.id(), now)) {
                auditor.record(tx, ctx, ctx.principal().accountId(), action, "session", session.id(),
                        new Changes().field("revoked_at", null, now.toString()).list());
            }
            return null;
        });
    }

    private static String requireUser(RequestContext ctx) {
        if (!ctx.principal().isUser()) {
            throw new ForbiddenException("sessions belong to people signed in; an API key has none");
        }
        return ctx.principal().userId();
    }
}
