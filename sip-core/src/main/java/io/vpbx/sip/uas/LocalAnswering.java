package io.vpbx.sip.uas;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.proxy.Network;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.transaction.TransactionTimers;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.scenario.Scenario;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * vpbx as a user agent that answers: where the proxy hands a call whose fallback is a voice message or voicemail
 * ({@link #answer}), and where it looks first for the requests and ACKs within the dialogs of those calls
 * ({@link #takeRequest}, {@link #takeAck}). One per proxy, on its SIP event loop; see docs/adr/0020.
 */
public final class LocalAnswering {
    private final UasContext context;
    /** The proxy's bridge for scenarios' {@code forward} steps, or null: none handed in, or one stands in for it. */
    private final ForwardingBridge bridge;

    /**
     * @param branches new branch ids for the requests the legs send (their BYEs)
     * @param loop     the SIP event loop: media completions come back through it
     */
    public LocalAnswering(Network network, TransactionTable<WireMessage> transactions, Supplier<String> branches,
                          TimerScheduler scheduler, TransactionTimers timers, Clock clock, Executor loop,
                          AnswerServices services, MeterRegistry registry) {
        this(network, transactions, branches, scheduler, timers, clock, loop, services, null, registry);
    }

    /**
     * As above, with the proxy's {@code bridge} for scenarios' {@code forward} steps (null: none, every forward is not
     * answered), unless {@code services} bring a {@link ScenarioForwarding} to use instead.
     */
    public LocalAnswering(Network network, TransactionTable<WireMessage> transactions, Supplier<String> branches,
                          TimerScheduler scheduler, TransactionTimers timers, Clock clock, Executor loop,
                          AnswerServices services, ForwardingBridge bridge, MeterRegistry registry) {
        LocalDialogs<AnsweringLeg> dialogs = new LocalDialogs<>();
        Optional<ScenarioForwarding> instead = services.scenarios().forwarding();
        this.bridge = instead.isPresent() ? null : bridge;
        ScenarioForwarding forwarding = instead.orElse(this.bridge != null ? this.bridge : ScenarioForwarding.unavailable());
        this.context = new UasContext(network, transactions, branches, scheduler, timers, clock, loop, services,
                forwarding, dialogs, new AnsweringMetrics(registry));
        if (bridge != null) {
            bridge.context(context);
            Gauge.builder("vpbx.sip.bridged.active", bridge::active).description("callee dialogs of scenario forwards")
                    .register(registry);
        }
        Gauge.builder("vpbx.sip.answered.locally.active", dialogs::size).description("calls vpbx is answering itself now")
                .register(registry);
    }

    /**
     * Answers the INVITE held by {@code server} by {@code fallback} (a voice message or voicemail): the leg owns the
     * transaction from now on and reports to {@code call}.
     */
    public void answer(ServerTransaction<WireMessage> server, WireMessage invite, Fallback fallback, AnsweredCall call) {
        AnswerScript script = fallback instanceof Fallback.Voicemail voicemail
                ? new VoicemailScript(voicemail.recipients(), voicemail.greetingMediaId(), context.services(), call,
                        invite.callId(), context.clock(), context.loop(), context.metrics())
                : new VoiceMessageScript((Fallback.VoiceMessage) fallback, context.services().clips(), call.accountId(),
                        context.loop());
        String tag = context.branches().get().substring(TransactionTable.MAGIC_COOKIE.length());
        new AnsweringLeg(context, server, invite, tag, fallback.kind(), script, call).start();
    }

    /**
     * Answers the INVITE held by {@code server} by running {@code scenario} (this version of it, to the call's end):
     * the leg owns the transaction from now on and reports to {@code call}. {@code scenarios} finds the current
     * version of another scenario a step forwards to.
     */
    public void answer(ServerTransaction<WireMessage> server, WireMessage invite, Scenario scenario,
                       Function<String, Optional<Scenario>> scenarios, AnsweredCall call) {
        String tag = context.branches().get().substring(TransactionTable.MAGIC_COOKIE.length());
        new AnsweringLeg(context, server, invite, tag, "scenario",
                new ScenarioScript(scenario, scenarios, context, invite, tag, call), call).start();
    }

    /**
     * A new request within a dialog vpbx answered (our tag in its To), or a repeat of an INVITE it answered: taken
     * and answered, true. Anything else is left to the proxy, false; cheap when no call is answered here.
     */
    public boolean takeRequest(ServerTransaction<WireMessage> transaction, WireMessage request) {
        if (bridge != null && bridge.takeRequest(transaction, request)) {
            return true;
        }
        if (request.toTag() != null) {
            AnsweringLeg leg = context.dialogs().within(request);
            if (leg == null) {
                return false;
            }
            leg.request(transaction, request);
            return true;
        }
        AnsweringLeg leg = context.dialogs().answering(request);
        if (leg == null) {
            return false;
        }
        leg.repeated(transaction);
        return true;
    }

    /** An ACK matching no transaction: the ACK of a 2xx of ours is taken, true; others are the proxy's. */
    public boolean takeAck(WireMessage ack) {
        AnsweringLeg leg = ack.toTag() == null ? null : context.dialogs().within(ack);
        if (leg == null) {
            return false;
        }
        leg.acknowledged(ack);
        return true;
    }

    /**
     * A response that matched no client transaction: a repeated 2xx to an INVITE a scenario's forward sent is taken
     * (its ACK sent again), true; others are the proxy's.
     */
    public boolean takeResponse(WireMessage response) {
        return bridge != null && bridge.takeResponse(response);
    }

    /** Calls being answered here now. */
    public int active() {
        return context.dialogs().size();
    }
}
