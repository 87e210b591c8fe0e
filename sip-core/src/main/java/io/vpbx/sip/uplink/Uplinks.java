package io.vpbx.sip.uplink;

import io.vpbx.sip.transaction.Cancellable;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.telephony.uplink.RegistrationState;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps vpbx registered at other operators for every third-party line: one {@link UplinkRegistration} per line,
 * its REGISTERs sent through the proxy's transaction layer, its wake-ups on the event loop's timer wheel, first
 * attempts paced by a {@link StartPacer}. Each line keeps one Call-ID and From tag for its life, and CSeq grows,
 * as RFC 3261 section 10.2.4 asks of refreshes. A change of registrar or login unregisters the old
 * registration and starts a new one; a disconnected number is unregistered and forgotten.
 *
 * <p>Not thread-safe: owned by the SIP event loop ({@link #put} and {@link #remove} are called there).
 */
public final class Uplinks {
    private static final Logger log = LoggerFactory.getLogger(Uplinks.class);

    private final RequestChannel channel;
    private final UplinkDirectory directory;
    private final RegisterMessages messages;
    private final TimerScheduler scheduler;
    private final Clock clock;
    private final RetryPolicy policy;
    private final StartPacer pacer;
    private final RandomGenerator random;
    private final Consumer<RegistrationTransition> listener;
    private final Map<String, Line> lines = new HashMap<>();
    private final Map<RegistrationState, AtomicInteger> counts = new EnumMap<>(RegistrationState.class);

    public Uplinks(RequestChannel channel, UplinkDirectory directory, RegisterMessages messages, TimerScheduler scheduler,
                   Clock clock, RetryPolicy policy, StartPacer pacer, RandomGenerator random,
                   Consumer<RegistrationTransition> listener) {
        this.channel = channel;
        this.directory = directory;
        this.messages = messages;
        this.scheduler = scheduler;
        this.clock = clock;
        this.policy = policy;
        this.pacer = pacer;
        this.random = random;
        this.listener = listener;
        for (RegistrationState state : RegistrationState.values()) {
            counts.put(state, new AtomicInteger());
        }
    }

    /**
     * Adds a line, or applies a change to it. The same line again (a change announced twice: by this node and
     * again by the audit-log follower) changes nothing: it must not restart a registration that failed_auth.
     */
    public void put(UplinkAccount account) {
        Line line = lines.get(account.e164());
        if (line != null && line.registration.account().equals(account)) {
            return;
        }
        directory.put(account);
        if (line != null && line.registration.account().sameRegistration(account)) {
            line.inFlight = null;
            apply(line, line.registration.update(clock.instant(), account));
            return;
        }
        if (line != null) {
            line.silent = true; // the number's state is the new registration's from now on
            leave(line);
        }
        Line fresh = new Line(account);
        lines.put(account.e164(), fresh);
        fresh.wakeAt(pacer.slot(clock.instant()));
    }

    /** The number was disconnected: unregister it, and forget it. */
    public void remove(String e164) {
        Line line = lines.remove(e164);
        directory.remove(e164);
        if (line != null) {
            leave(line);
        }
    }

    /** Lines in {@code state} now; read from any thread (metrics). */
    public int count(RegistrationState state) {
        return counts.get(state).get();
    }

    public Optional<RegistrationState> stateOf(String e164) {
        Line line = lines.get(e164);
        return line == null ? Optional.empty() : Optional.of(line.registration.state());
    }

    private void leave(Line line) {
        line.cancelWake();
        line.inFlight = null;
        if (!line.started) {
            line.transition(new RegistrationTransition(line.e164(), RegistrationState.UNREGISTERED, clock.instant(),
                    null, 0, null, null));
            return;
        }
        apply(line, line.registration.remove(clock.instant()));
    }

    private void apply(Line line, Plan plan) {
        if (plan.send() != null) {
            send(line, plan.send());
        }
        if (plan.wakeAt() != null) {
            line.wakeAt(plan.wakeAt());
        }
    }

    private void send(Line line, RegisterRequest request) {
        Attempt attempt = new Attempt(line);
        line.inFlight = attempt;
        UplinkAccount account = line.registration.account();
        channel.send(account.registrarUri(), (via, contact) -> messages.register(account, line.callId, line.fromTag, via,
                contact, request), attempt);
    }

    private void wake(Line line) {
        line.wake = null;
        if (!line.started) {
            line.started = true;
            apply(line, line.registration.start(clock.instant()));
        } else {
            apply(line, line.registration.onWake(clock.instant()));
        }
    }

    private String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    /** One line: its registration, identifiers and the REGISTER in flight. */
    private final class Line {
        private final UplinkRegistration registration;
        private final String callId = randomHex(16) + "@vpbx";
        private final String fromTag = randomHex(6);
        private RegistrationState counted;
        private boolean started;
        private boolean silent;
        private Cancellable wake;
        private Attempt inFlight;

        Line(UplinkAccount account) {
            this.registration = new UplinkRegistration(account, policy, random::nextDouble, () -> randomHex(8), this::transition);
        }

        /** The number, fixed for the line's life (a line is replaced, not changed, when anything else must change). */
        String e164() {
            return registration.account().e164();
        }

        void wakeAt(Instant at) {
            cancelWake();
            Duration delay = Duration.between(clock.instant(), at);
            wake = scheduler.schedule(delay.isNegative() ? Duration.ZERO : delay, () -> wake(this));
        }

        void cancelWake() {
            if (wake != null) {
                wake.cancel();
                wake = null;
            }
        }

        void transition(RegistrationTransition transition) {
            if (counted != null) {
                counts.get(counted).decrementAndGet();
            }
            boolean gone = transition.state() == RegistrationState.UNREGISTERED;
            counted = gone ? null : transition.state();
            if (counted != null) {
                counts.get(counted).incrementAndGet();
            }
            if (silent) {
                return;
            }
            try {
                listener.accept(transition);
            } catch (RuntimeException e) {
                log.warn("registration listener failed for {}", transition.e164(), e);
            }
        }
    }

    /** One REGISTER's outcome, applied only while it is still the line's request in flight. */
    private final class Attempt implements RequestChannel.ResponseHandler {
        private final Line line;

        Attempt(Line line) {
            this.line = line;
        }

        private boolean current() {
            return line.inFlight == this;
        }

        @Override
        public void sentTo(InetSocketAddress remote) {
            if (lines.get(line.e164()) == line) {
                directory.resolved(line.e164(), remote.getAddress().getHostAddress());
            }
        }

        @Override
        public void response(byte[] bytes) {
            if (!current()) {
                return;
            }
            Optional<RegisterResponse> response = messages.read(bytes, line.registration.account().contactUser());
            if (response.isEmpty() || response.get().code() < 200) {
                return;
            }
            line.inFlight = null;
            apply(line, line.registration.onResponse(clock.instant(), response.get()));
        }

        @Override
        public void timeout() {
            if (current()) {
                line.inFlight = null;
                apply(line, line.registration.onTimeout(clock.instant()));
            }
        }

        @Override
        public void targetRefused() {
            if (current()) {
                line.inFlight = null;
                apply(line, line.registration.onTargetRefused(clock.instant()));
            }
        }

        @Override
        public void transportError() {
            if (current()) {
                line.inFlight = null;
                apply(line, line.registration.onTransportError(clock.instant()));
            }
        }
    }
}
