package io.vpbx.sip.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.Outcome;
import io.vpbx.sip.StatelessResponder;
import io.vpbx.sip.overload.OverloadControl;
import io.vpbx.sip.routing.RingMemory;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.transaction.RequestDisposition;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.transaction.TransactionContext;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.transaction.TransactionUser;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.uas.BridgeTargets;
import io.vpbx.sip.uas.ForwardingBridge;
import io.vpbx.sip.uas.LocalAnswering;
import io.vpbx.sip.uplink.RequestChannel;
import io.vpbx.sip.uplink.UplinkDirectory;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecordSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The transaction-stateful proxy (RFC 3261 section 16) on one event loop. Every received message enters through
 * {@link #receive}: parsed, admitted, matched to its transaction. A new request then runs the script, a list of
 * named steps read top to bottom as Kamailio's {@code request_route}; what is left after them is a new call, routed
 * by the call steps. The steps, the sessions that fork calls and the relays share one {@link ProxyContext}.
 *
 * <p>Not thread-safe: it, its transaction table and every session belong to the one SIP event loop.
 */
public final class ProxyCore implements SipReceiver, TransactionUser<WireMessage> {
    private final ProxyContext context;
    private final ProxyMetrics metrics;
    private final StatelessResponder local;
    /** The calls vpbx answers itself: their in-dialog requests and ACKs end here. */
    private final LocalAnswering localAnswering;
    private final int maxHeaders;
    private final Duration maxCallDuration;
    /** Empty: every new call is admitted. */
    private final Optional<NewCallAdmission> admission;
    private final StatelessRelay stateless;
    private final RequestChannel uplinkChannel;

    /** The request route: every new request passes these steps in order until one handles it. */
    private final RequestStep[] script;
    /** The call route: a new call, in order, from a third-party line's operator, from a trunk, or from a phone. */
    private final ThirdPartyLines thirdPartyLines;
    private final TrunkInbound trunkInbound;
    private final OutboundCalls outbound;

    public ProxyCore(ProxySettings settings, Network network, Router router, RoutingTable routing, StatelessResponder local,
                     RingMemory ringMemory, OutboundCalls outbound, CallRecordSink records, AnswerServices answering, Executor loop,
                     Clock clock, TimerScheduler scheduler, MeterRegistry registry, UplinkDirectory uplinks) {
        this(settings, network, router, routing, local, ringMemory, outbound, records, answering, loop, clock, scheduler,
                registry, uplinks, Optional.empty());
    }

    /** Never draining. */
    public ProxyCore(ProxySettings settings, Network network, Router router, RoutingTable routing, StatelessResponder local,
                     RingMemory ringMemory, OutboundCalls outbound, CallRecordSink records, AnswerServices answering,
                     Executor loop, Clock clock,
                     TimerScheduler scheduler, MeterRegistry registry, UplinkDirectory uplinks, Optional<OverloadControl> overload) {
        this(settings, network, router, routing, local, ringMemory, outbound, records, answering, loop, clock, scheduler,
                registry, uplinks, overload, () -> false);
    }

    /**
     * @param answering what calls answered here (voice message, voicemail) need: media, clips, the voicemail sink
     * @param loop the SIP event loop, to which media completions return
     * @param overload sheds new calls while the event loop is behind; empty: none is ever shed
     * @param draining true while this node is taken out of service: new calls get 503 ({@link io.vpbx.sip.Drain})
     */
    public ProxyCore(ProxySettings settings, Network network, Router router, RoutingTable routing, StatelessResponder local,
                     RingMemory ringMemory, OutboundCalls outbound, CallRecordSink records, AnswerServices answering,
                     Executor loop, Clock clock, TimerScheduler scheduler, MeterRegistry registry, UplinkDirectory uplinks,
                     Optional<OverloadControl> overload, BooleanSupplier draining) {
        this.admission = overload.map(control -> new NewCallAdmission(control.governor(), control.metrics(),
                control.retryAfter()));
        this.local = local;
        this.outbound = outbound;
        this.maxHeaders = settings.maxHeaders();
        this.maxCallDuration = settings.maxCallDuration();
        TransactionTable<WireMessage> transactions = new TransactionTable<>(settings.maxTransactions(),
                new TransactionContext<>(settings.timers(), scheduler, this,
                        (invite, response) -> WireMessage.parse(Rewrites.ack(invite, response)),
                        invite -> WireMessage.response(Rewrites.response(invite, 100, "Trying", null), 100, invite)));
        BranchIds branches = new BranchIds(new SecureRandom());
        Dialogs dialogs = new Dialogs(settings.maxDialogs());
        SignedRoutes signedRoutes = new SignedRoutes(settings.routeKey());
        DialogGate gate = new DialogGate(signedRoutes, dialogs);
        this.metrics = new ProxyMetrics(registry);
        Hops hops = new Hops(network, signedRoutes);
        Answers answers = new Answers(metrics);
        DialogTeardown teardown = new DialogTeardown(network, branches, transactions);
        Calls calls = new Calls(clock, scheduler, settings.timers().sixtyFourT1(), routing, answers, dialogs, teardown,
                records, metrics, registry);
        this.localAnswering = new LocalAnswering(network, transactions, branches::next, scheduler, settings.timers(), clock, loop,
                answering, new ForwardingBridge(new BridgeTargets(router, routing), registry), registry);
        metrics.gauges(this::activeCalls, transactions::size);
        this.context = new ProxyContext(network, transactions, branches, clock, scheduler, router, routing, ringMemory,
                uplinks, localAnswering, hops, answers, calls, teardown);
        this.stateless = new StatelessRelay(context, gate, metrics);
        this.uplinkChannel = new UplinkChannel(context);
        this.script = new RequestStep[] {
                new RequestSanity(answers),             // 400, 416, 420: one set of checks for every method
                new Cancels(transactions, answers),     // CANCEL: 200, and the INVITE it names stops (or 481)
                new LocalDialogRequests(localAnswering), // within a dialog vpbx answered itself: BYE, re-INVITE, OPTIONS
                new WithinDialog(context, gate),        // To tag: relayed along our signed route, between its parties
                new NoOpenRelay(hops, answers),         // anything else aimed elsewhere but a call: 403
                new AnsweredHere(local, answers),       // REGISTER (the registrar), OPTIONS, the rest addressed to us
                new HopLimits(hops, answers),           // a new call: 483 out of hops, 482 a loop through us
                new OutOfService(draining, answers),    // a new call while this node drains: 503, the dispatcher tries another
        };
        this.thirdPartyLines = new ThirdPartyLines(context);
        this.trunkInbound = new TrunkInbound(context);
    }

    /** One framed message from a flow: parse and sanity, admission, then its transaction. */
    @Override
    public void receive(String text, Flow source) {
        if (WireMessage.isKeepAlive(text)) {
            return;
        }
        WireMessage message = WireMessage.parse(text);
        if (message.problem() != null || message.headerCount() > maxHeaders) {
            if (!message.isRequest()) {
                // a response is never answered, however broken (a status line of 4294967301, 99, 700, abc)
                metrics.dropped(message.problem() != null ? DropReason.MALFORMED_RESPONSE : DropReason.TOO_MANY_HEADERS);
            } else if ("ACK".equals(message.method())) {
                // nor is an ACK (section 17.2.1): answering it makes a client that acknowledges every answer loop
                metrics.dropped(DropReason.MALFORMED_ACK);
            } else {
                answerStatelessly(message, source);
            }
            return;
        }
        if (!message.isRequest()) {
            if (!context.transactions().receiveResponse(message) && !localAnswering.takeResponse(message)) {
                stateless.strayResponse(message);
            }
            return;
        }
        if (admission.isPresent() && admission.get().refuses(message, source, context.transactions(), context.answers())) {
            return;
        }
        RequestDisposition disposition = context.transactions().receiveRequest(message, source);
        switch (disposition) {
            case STRAY_ACK -> {
                if (!localAnswering.takeAck(message)) {
                    stateless.forward(message, source);
                }
            }
            case REJECTED_FULL -> source.send(WireMessage.response(Rewrites.response(message, 503, "Service Unavailable",
                    context.answers().toTag(message), "Retry-After", "5"), 503, message));
            case NOT_RFC3261 -> {
                if (!"ACK".equals(message.method())) {
                    source.send(WireMessage.response(Rewrites.response(message, 400, "Bad Request (no transaction key)", null),
                            400, message));
                }
            }
            default -> { }
        }
    }

    /** The script: a new request passes the request route; what none of its steps handled is a new call. */
    @Override
    public void receiveRequest(ServerTransaction<WireMessage> transaction, WireMessage request) {
        for (RequestStep step : script) {
            if (step.take(transaction, request) == StepOutcome.HANDLED) {
                return;
            }
        }
        NewCall call = NewCall.of(transaction, request);
        if (thirdPartyLines.take(call) == StepOutcome.CONTINUE && trunkInbound.take(call) == StepOutcome.CONTINUE) {
            outbound.route(context, call);
        }
    }

    /** A malformed request: the stateless responder decides between a 400 and silence (RFC 3261 section 8.2). */
    private void answerStatelessly(WireMessage request, Flow source) {
        Outcome outcome = local.respond(request, source.remote());
        if (outcome instanceof Outcome.Reply reply) {
            source.send(context.answers().fitted(request, reply.status(), reply.bytes(), source));
        } else if (outcome instanceof Outcome.Drop drop) {
            metrics.dropped(drop.reason());
        }
    }

    /** Ends the records of calls whose BYE never passed this way; run periodically on the event loop. */
    public void sweepDialogs() {
        context.calls().sweep(maxCallDuration);
    }

    /** How third-party registrations leave: through this proxy's flows and transactions. */
    public RequestChannel uplinkChannel() {
        return uplinkChannel;
    }

    /** Live transactions, for tests and metrics. */
    public int transactionCount() {
        return context.transactions().size();
    }

    /** Calls being routed plus calls answered and not yet ended, here or by a callee. */
    public int activeCalls() {
        return context.calls().active() + localAnswering.active();
    }
}
