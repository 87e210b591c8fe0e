package io.vpbx.sip.uplink;

import io.vpbx.telephony.uplink.RegistrationState;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * One registration of ours at another operator's registrar (RFC 3261 section 10.2, as a UA): pure decisions,
 * no sockets. The owner feeds it events (start, the response to the REGISTER it asked to send, a timeout, a
 * wake-up it asked for, a change of the line) and carries out the returned {@link Plan}.
 *
 * <p>Digest: a 401 or 407 is answered at once with the strongest algorithm offered; a challenge that comes
 * back for the nonce just answered (and not {@code stale}), or a third challenge in a row, means the operator
 * refuses our credentials, as does a 403. Such refusals in a row up to the policy's limit end in
 * {@link RegistrationState#FAILED_AUTH}, which makes no further attempts until the line is changed: no
 * hammering. Everything else that fails (5xx, timeouts, an unreachable server, a 2xx that does not keep our
 * Contact) is retried with backoff and jitter, honouring Retry-After. A registration is refreshed before it
 * expires; the last challenge is answered in advance on refreshes.
 *
 * <p>Not thread-safe: owned by the SIP event loop.
 */
public final class UplinkRegistration {
    /** No registrar should ask us to register for more than a week at once (a 423 loop bound). */
    private static final int MAX_EXPIRES = 7 * 24 * 3600;
    private static final int CHALLENGES_IN_ROW = 2;
    static final String TARGET_REFUSED = "registrar address not allowed: it is in a private, loopback, link-local or "
            + "reserved range (the operator can allow a range in security.allowed-private-targets)";

    private final RetryPolicy policy;
    private final DoubleSupplier random;
    private final Supplier<String> cnonces;
    private final Consumer<RegistrationTransition> transitions;
    private UplinkAccount account;
    private int wantedExpires;

    private RegistrationState state = RegistrationState.PENDING;
    private long cseq;
    private boolean awaiting;
    private boolean answeredInFlight;
    private boolean unregistering;
    private RegistrationState afterUnregister = RegistrationState.DISABLED;
    private DigestChallenge challenge;
    private int nonceCount;
    private int challengesInRow;
    private int authRejections;
    private int failures;
    private Instant registeredUntil;
    private Instant nextAttemptAt;
    private int lastCode;
    private String lastReason;

    /**
     * @param random uniform draws in [0, 1) for jitter
     * @param cnonces fresh client nonces
     * @param transitions told of every state change and refresh
     */
    public UplinkRegistration(UplinkAccount account, RetryPolicy policy, DoubleSupplier random, Supplier<String> cnonces,
                              Consumer<RegistrationTransition> transitions) {
        this.account = Objects.requireNonNull(account, "account");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
        this.cnonces = Objects.requireNonNull(cnonces, "cnonces");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
        this.wantedExpires = account.expiresSeconds();
    }

    /** The first attempt (or, for a disabled line, the disabled state). */
    public Plan start(Instant now) {
        if (!account.enabled()) {
            state = RegistrationState.DISABLED;
            emit(now);
            return Plan.NOTHING;
        }
        emit(now);
        return send(now);
    }

    /** The final (or provisional) response to the REGISTER in flight. */
    public Plan onResponse(Instant now, RegisterResponse response) {
        if (!awaiting || response.code() < 200) {
            return Plan.NOTHING;
        }
        awaiting = false;
        lastCode = response.code();
        lastReason = response.reason();
        int code = response.code();
        if (code == 401 || code == 407) {
            return challenged(now, response);
        }
        challengesInRow = 0;
        if (unregistering) {
            return unregistered(now);
        }
        if (code >= 200 && code < 300) {
            return response.grantedExpires() > 0 ? registered(now, response.grantedExpires())
                    : failed(now, code, response.reason() + " (our Contact is not kept)", -1);
        }
        if (code == 403) {
            return refused(now);
        }
        if (code == 423 && response.minExpires() > wantedExpires && response.minExpires() <= MAX_EXPIRES) {
            wantedExpires = response.minExpires();
            return send(now);
        }
        return failed(now, code, response.reason(), response.retryAfterSeconds());
    }

    /** The REGISTER in flight was never answered (Timer F). */
    public Plan onTimeout(Instant now) {
        return noAnswer(now, 408, "Request Timeout (no answer from the registrar)");
    }

    /** The REGISTER could not be sent (no route, connection refused or reset). */
    public Plan onTransportError(Instant now) {
        return noAnswer(now, 503, "Service Unavailable (registrar unreachable)");
    }

    /**
     * The registrar's address is in a range accounts may not reach (private, loopback, link-local...): nothing was
     * sent, so the reason names the policy and never whether a port there is open. Retried with backoff, as DNS may
     * change, and the operator may allow the range.
     */
    public Plan onTargetRefused(Instant now) {
        return noAnswer(now, 0, TARGET_REFUSED);
    }

    /** The time the last plan asked to be woken at has come: refresh, or try again. */
    public Plan onWake(Instant now) {
        if (awaiting || isFinal()) {
            return Plan.NOTHING;
        }
        return send(now);
    }

    /**
     * The line changed (password, expires, enabled...; the owner starts a new registration when the registrar
     * or login changed). Counts start over: new credentials deserve new attempts. A REGISTER in flight is
     * forgotten; the owner ignores its response.
     */
    public Plan update(Instant now, UplinkAccount changed) {
        boolean wasRegistered = state == RegistrationState.REGISTERED;
        account = Objects.requireNonNull(changed, "changed");
        wantedExpires = changed.expiresSeconds();
        awaiting = false;
        challenge = null;
        challengesInRow = 0;
        authRejections = 0;
        failures = 0;
        if (!changed.enabled()) {
            return stop(now, false, wasRegistered);
        }
        unregistering = false;
        if (state != RegistrationState.REGISTERED) {
            state = RegistrationState.PENDING;
            emit(now);
        }
        return send(now);
    }

    /** The number was disconnected: unregister if we may be registered, then nothing more. */
    public Plan remove(Instant now) {
        awaiting = false;
        return stop(now, true, state == RegistrationState.REGISTERED || registeredUntil != null);
    }

    private Plan stop(Instant now, boolean forget, boolean mayBeRegistered) {
        afterUnregister = forget ? RegistrationState.UNREGISTERED : RegistrationState.DISABLED;
        if (mayBeRegistered && state != RegistrationState.FAILED_AUTH) {
            unregistering = true;
            return send(now);
        }
        return unregistered(now);
    }

    private Plan challenged(Instant now, RegisterResponse response) {
        Optional<DigestChallenge> offered = DigestAnswer.preferred(response.challenges());
        if (offered.isEmpty()) {
            return unregistering ? unregistered(now) : refused(now);
        }
        DigestChallenge next = offered.get();
        boolean sameNonce = challenge != null && challenge.nonce().equals(next.nonce());
        boolean rejected = answeredInFlight && !next.stale() && (sameNonce || challengesInRow >= CHALLENGES_IN_ROW);
        if (rejected) {
            challengesInRow = 0;
            return unregistering ? unregistered(now) : refused(now);
        }
        if (!sameNonce) {
            nonceCount = 0;
        }
        challenge = next;
        challengesInRow++;
        return send(now);
    }

    private Plan registered(Instant now, int grantedSeconds) {
        state = RegistrationState.REGISTERED;
        failures = 0;
        authRejections = 0;
        registeredUntil = now.plusSeconds(grantedSeconds);
        nextAttemptAt = now.plus(refreshAfter(grantedSeconds));
        emit(now);
        return new Plan(null, nextAttemptAt);
    }

    /** Refresh halfway through a short registration, two minutes before the end of a long one. */
    static Duration refreshAfter(int grantedSeconds) {
        return Duration.ofSeconds(grantedSeconds <= 240 ? Math.max(1, grantedSeconds / 2) : grantedSeconds - 120);
    }

    private Plan refused(Instant now) {
        authRejections++;
        if (authRejections >= policy.maxAuthRejections()) {
            state = RegistrationState.FAILED_AUTH;
            nextAttemptAt = null;
            registeredUntil = null;
            emit(now);
            return Plan.NOTHING;
        }
        return failed(now, lastCode, lastReason, -1);
    }

    private Plan failed(Instant now, int code, String reason, int retryAfterSeconds) {
        failures++;
        challengesInRow = 0;
        lastCode = code;
        lastReason = reason;
        state = RegistrationState.RETRYING;
        if (registeredUntil != null && !registeredUntil.isAfter(now)) {
            registeredUntil = null;
        }
        Duration wait = retryAfterSeconds > 0 ? policy.retryAfter(retryAfterSeconds, random.getAsDouble())
                : policy.delay(failures, random.getAsDouble());
        nextAttemptAt = now.plus(wait);
        emit(now);
        return new Plan(null, nextAttemptAt);
    }

    private Plan noAnswer(Instant now, int code, String reason) {
        if (!awaiting) {
            return Plan.NOTHING;
        }
        awaiting = false;
        if (unregistering) {
            lastCode = code;
            lastReason = reason;
            return unregistered(now);
        }
        return failed(now, code, reason, -1);
    }

    private Plan unregistered(Instant now) {
        unregistering = false;
        state = afterUnregister;
        registeredUntil = null;
        nextAttemptAt = null;
        emit(now);
        return Plan.NOTHING;
    }

    private Plan send(Instant now) {
        awaiting = true;
        cseq++;
        nextAttemptAt = null;
        String header = null;
        String value = null;
        if (challenge != null) {
            nonceCount++;
            header = challenge.answerHeader();
            value = DigestAnswer.authorization(challenge, "REGISTER", account.registrarUri(), account.login(),
                    account.password(), cnonces.get(), nonceCount);
        }
        answeredInFlight = value != null;
        return new Plan(new RegisterRequest(cseq, unregistering ? 0 : wantedExpires, header, value), null);
    }

    private boolean isFinal() {
        return state == RegistrationState.FAILED_AUTH || state == RegistrationState.DISABLED
                || state == RegistrationState.UNREGISTERED;
    }

    private void emit(Instant now) {
        transitions.accept(new RegistrationTransition(account.e164(), state, now, registeredUntil, lastCode, lastReason,
                nextAttemptAt));
    }

    public RegistrationState state() {
        return state;
    }

    public UplinkAccount account() {
        return account;
    }

    public Instant registeredUntil() {
        return registeredUntil;
    }
}
