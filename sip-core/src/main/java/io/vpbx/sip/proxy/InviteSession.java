package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.routing.RingStep;
import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.transaction.ClientTransaction;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TransactionOwner;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.uplink.Challenges;
import io.vpbx.sip.uplink.DigestAnswer;
import io.vpbx.sip.uplink.DigestChallenge;
import io.vpbx.sip.uplink.UplinkAccount;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One routed INVITE while it is being forwarded (RFC 3261 section 16.7): the ring steps in order, each a
 * parallel fork of branches with a ring time; provisional responses go back to the caller, the first 2xx
 * answers the call and cancels the other branches, and when every step has failed the number's fallback
 * answers. A CANCEL from the caller stops everything with 487. It owns the caller's INVITE server transaction;
 * each of its {@link Branch}es owns a client transaction.
 */
final class InviteSession implements TransactionOwner<WireMessage>, RingSequence.Ringer<RingStep, Branch> {
    private static final int MAX_PLATFORM_HOPS = 4;
    private static final String[] NO_HEADERS = new String[0];

    private enum State { ROUTING, ANSWERED, FINISHED }

    private final ProxyContext context;
    private final ServerTransaction<WireMessage> server;
    private final WireMessage invite;
    private final CallLog log;
    private final RouteDecision.Ring ring;
    private final RingSequence<RingStep, Branch> sequence;
    private final String[] extraHeaders;
    /** The third-party line a call out goes through: its operator's digest challenges are answered with its login. */
    private final UplinkAccount operator;
    private int bestCode;
    private String bestReason;
    private final long startNanos = System.nanoTime();
    private State state = State.ROUTING;
    private int platformHops;

    private InviteSession(ProxyContext context, ServerTransaction<WireMessage> server, WireMessage invite, CallLog log,
                          RouteDecision.Ring ring, String[] extraHeaders, UplinkAccount operator) {
        this.extraHeaders = extraHeaders;
        this.operator = operator;
        this.context = context;
        this.server = server;
        this.invite = invite;
        this.log = log;
        this.ring = ring;
        this.sequence = new RingSequence<>(this, context.scheduler());
    }

    /** Starts forking a routed INVITE, which this session owns from now on. */
    static void start(ProxyContext context, ServerTransaction<WireMessage> server, WireMessage invite, CallLog log,
                      RouteDecision.Ring ring) {
        start(context, server, invite, log, ring, NO_HEADERS, null);
    }

    /**
     * As above, adding {@code extraHeaders} (name, value...) to each forwarded copy; {@code operator} non-null: the
     * call goes out through that third-party line, answering its challenges.
     */
    static void start(ProxyContext context, ServerTransaction<WireMessage> server, WireMessage invite, CallLog log,
                      RouteDecision.Ring ring, String[] extraHeaders, UplinkAccount operator) {
        InviteSession session = new InviteSession(context, server, invite, log, ring, extraHeaders, operator);
        server.owner(session);
        context.calls().routing();
        context.calls().started(log);
        session.sequence.plan(ring.steps());
        session.sequence.start();
    }

    @Override
    public void cancelled() {
        cancelledByCaller();
    }

    // ---- steps ----

    /** Rings the legs of {@code step}, or puts the steps of the platform numbers it rings in its place. */
    @Override
    public void ring(RingStep step) {
        if (expandPlatformNumbers(step)) {
            return;
        }
        for (Leg leg : step.legs()) {
            startLeg(leg);
        }
    }

    @Override
    public int ringSeconds(RingStep step) {
        return step.ringSeconds();
    }

    @Override
    public boolean failoverOnBusy(RingStep step) {
        return step.failoverOnBusy();
    }

    /**
     * A leg to another of our numbers is routed again by that number's own rules: its steps take the place of
     * this one (bounded, so that two numbers forwarding to each other end in a failure, not a loop).
     */
    private boolean expandPlatformNumbers(RingStep step) {
        if (!hasPlatformNumber(step)) {
            return false;
        }
        List<RingStep> replacement = new ArrayList<>();
        List<Leg> others = new ArrayList<>();
        for (Leg leg : step.legs()) {
            if (leg.kind() != Leg.Kind.PLATFORM_NUMBER) {
                others.add(leg);
                continue;
            }
            Instant now = context.clock().instant();
            if (++platformHops > MAX_PLATFORM_HOPS) {
                log.attempt(leg, leg.destination(), 482, "loop", now, now);
                continue;
            }
            RouteDecision decision = context.router().routeOnPlatform(leg.destination(), context.clock().instant());
            if (decision instanceof RouteDecision.Ring target) {
                replacement.addAll(target.steps());
            } else {
                RouteDecision.Reject reject = (RouteDecision.Reject) decision;
                log.attempt(leg, leg.destination(), reject.sipCode(), "rejected", now, now);
            }
        }
        if (!others.isEmpty()) {
            replacement.add(0, new RingStep(others, step.ringSeconds(), step.failoverOnBusy()));
        }
        sequence.insertNext(replacement);
        return true;
    }

    private void startLeg(Leg leg) {
        if (state != State.ROUTING) {
            return;
        }
        Instant now = context.clock().instant();
        if (leg.kind() == Leg.Kind.SCENARIO) {
            answerByScenario(leg, now);
            return;
        }
        Optional<String> uri = requestUriFor(leg);
        SipUri target = uri.map(SipUri::parse).orElse(null);
        if (target == null) {
            log.attempt(leg, leg.destination(), 480, "unroutable", now, now);
            return;
        }
        Branch branch = new Branch(this, leg, uri.get(), now);
        sequence.add(branch);
        if (leg.kind() == Leg.Kind.SIP_URI) {
            context.network().flowToAccountTarget(target, () -> refused(branch), flow -> connected(branch, flow));
        } else {
            context.network().flowTo(target, flow -> connected(branch, flow));
        }
    }

    /**
     * A scenario leg: vpbx answers the call itself and runs the scenario's current version (the call keeps it to its
     * end); a scenario that is gone, or not the account's, fails the leg as unavailable and forwarding goes on.
     */
    private void answerByScenario(Leg leg, Instant now) {
        Optional<Scenario> scenario = context.routing().scenario(leg.destination())
                .filter(found -> found.accountId().equals(log.accountId()));
        if (scenario.isEmpty()) {
            log.attempt(leg, leg.destination(), 480, "scenario_unavailable", now, now);
            return;
        }
        state = State.FINISHED;
        sequence.cancelAll(RingSequence.CANCELLED);
        context.calls().setupTook(System.nanoTime() - startNanos);
        context.calls().routingEnded();
        context.answering().answer(server, invite, scenario.get(), context.routing()::scenario,
                new LocalCallRecord(context.calls(), log));
    }

    /** The Request-URI of a leg; empty when it cannot be called. */
    private Optional<String> requestUriFor(Leg leg) {
        switch (leg.kind()) {
            case CONTACT:
            case SIP_URI:
                return Optional.of(leg.destination());
            case TRUNK_NUMBER:
                return context.routing().outboundTrunk(log.accountId())
                        .flatMap(trunk -> OutboundCalls.uriThrough(trunk, leg.destination()));
            default:
                return Optional.empty();
        }
    }

    /** The account's URI leads into a private or reserved range: nothing sent; failover goes on as after a 503. */
    private void refused(Branch branch) {
        if (!branch.isDone()) {
            failed(branch, 503, "private_target");
        }
    }

    private void connected(Branch branch, Flow flow) {
        if (branch.isDone()) {
            return;
        }
        if (flow == null) {
            failed(branch, 503, "unreachable");
            return;
        }
        forward(branch, flow, extraHeaders);
    }

    private void forward(Branch branch, Flow flow, String[] headers) {
        Hops hops = context.hops();
        Flow inbound = (Flow) server.transport();
        String via = context.network().viaPrefix(flow.transport()) + ";branch=" + context.branches().next();
        List<String> recordRoute = inbound.transport().equals(flow.transport())
                ? List.of(hops.recordRoute(inbound.transport(), invite))
                : List.of(hops.recordRoute(flow.transport(), invite), hops.recordRoute(inbound.transport(), invite));
        WireMessage forwarded = WireMessage.forwarded(Rewrites.forward(invite, branch.requestUri(), via, recordRoute,
                hops.ourRoutes(invite), Hops.received(invite, inbound), headers), invite, branch.requestUri(), via);
        Optional<ClientTransaction<WireMessage>> transaction = context.transactions().startClient(forwarded, flow, branch);
        if (transaction.isEmpty()) {
            failed(branch, 503, "overloaded");
            return;
        }
        branch.sent(forwarded, flow);
    }

    // ---- events ----

    void response(Branch branch, WireMessage response) {
        int code = response.statusCode();
        if (code < 200) {
            branch.provisional();
            if (branch.wantsCancel()) {
                sendCancel(branch);
            } else if (code > 100 && state == State.ROUTING && sequence.inCurrentStep(branch)) {
                server.sendResponse(WireMessage.response(Rewrites.popVia(response), code, response));
            }
            return;
        }
        if (code < 300) {
            answered(branch, response);
            return;
        }
        if (branch.isDone()) {
            return;
        }
        if ((code == 401 || code == 407) && operator != null && answerChallenge(branch, response)) {
            return;
        }
        branch.done(code);
        log.attempt(branch.leg(), branch.requestUri(), code, RingSequence.outcomeOf(code), branch.startedAt(),
                context.clock().instant());
        if (bestCode == 0 || preferred(code, bestCode)) {
            bestCode = code;
            bestReason = response.reasonPhrase();
        }
        sequence.rejected(code);
    }

    /**
     * The operator of a third-party number challenged our call out: the INVITE goes again, once, in a new client
     * transaction (new branch, same CSeq: the caller's dialog must not see its sequence change) with the line's
     * credentials. A second challenge is an ordinary failure of the branch.
     */
    private boolean answerChallenge(Branch branch, WireMessage response) {
        if (!branch.takeChallengeAnswer() || state != State.ROUTING) {
            return false;
        }
        Optional<DigestChallenge> challenge = DigestAnswer.preferred(Challenges.read(response.bytes()));
        if (challenge.isEmpty()) {
            return false;
        }
        String value = DigestAnswer.authorization(challenge.get(), "INVITE", branch.requestUri(), operator.login(),
                operator.password(), context.branches().next().substring(TransactionTable.MAGIC_COOKIE.length()), 1);
        String[] headers = Arrays.copyOf(extraHeaders, extraHeaders.length + 2);
        headers[extraHeaders.length] = challenge.get().answerHeader();
        headers[extraHeaders.length + 1] = value;
        forward(branch, branch.flow(), headers);
        return true;
    }

    void failed(Branch branch, int code, String outcome) {
        if (branch.isDone()) {
            return;
        }
        branch.done(code);
        log.attempt(branch.leg(), branch.requestUri(), 0, outcome, branch.startedAt(), context.clock().instant());
        sequence.branchEnded();
    }

    private void answered(Branch branch, WireMessage response) {
        byte[] upstream = Rewrites.popVia(response);
        if (state == State.ANSWERED) {
            // RFC 3261 section 16.7 step 5: every 2xx goes upstream; the caller acknowledges and ends the extra ones
            ((Flow) server.transport()).send(WireMessage.response(upstream, response.statusCode(), response));
            return;
        }
        if (state == State.FINISHED) {
            hangUpLateAnswer(response, branch.flow());
            return;
        }
        Instant now = context.clock().instant();
        branch.done(response.statusCode());
        log.attempt(branch.leg(), branch.requestUri(), response.statusCode(), "answered", branch.startedAt(), now);
        log.answered(now);
        state = State.ANSWERED;
        sequence.answeredBy(branch);
        server.sendResponse(WireMessage.response(upstream, response.statusCode(), response));
        context.calls().setupTook(System.nanoTime() - startNanos);
        if (ring.entry().target() instanceof Target.Department department && branch.leg().employeeId() != null) {
            context.ringMemory().answered(department.departmentId(), branch.leg().employeeId(), now.toEpochMilli());
        }
        context.calls().answered(invite, response, (Flow) server.transport(), branch.flow(), log, now);
        context.calls().routingEnded();
    }

    private void cancelledByCaller() {
        if (state != State.ROUTING) {
            return;
        }
        state = State.FINISHED;
        sequence.cancelAll(RingSequence.CANCELLED);
        server.sendResponse(WireMessage.response(Rewrites.response(invite, 487, "Request Terminated",
                context.answers().toTag(invite)), 487, invite));
        context.calls().ended(log.end(CallRecord.Result.CANCELLED, 487, context.clock().instant()));
        context.calls().routingEnded();
    }

    // ---- endings ----

    @Override
    public void noneAnswered() {
        forwardingFailed();
    }

    /** Every step failed, or there was none: the number's fallback answers (section 16.7 step 6 picks no response). */
    private void forwardingFailed() {
        state = State.FINISHED;
        boolean sawBusy = sequence.sawBusy();
        boolean sawNoAnswer = sequence.sawNoAnswer();
        Fallback fallback = ring.fallback();
        int status;
        String reason;
        if (fallback instanceof Fallback.PassBack) {
            status = bestCode == 0 ? (sawNoAnswer ? 408 : 480) : bestCode;
            reason = bestCode == 0 ? (sawNoAnswer ? "Request Timeout" : "Temporarily Unavailable") : bestReason;
        } else if (fallback instanceof Fallback.HangUp hangUp) {
            // a busy target is reported as busy; the configured code tells why a call found nobody
            status = sawBusy && !sawNoAnswer ? 486 : hangUp.sipCode();
            reason = sawBusy && !sawNoAnswer ? "Busy Here" : hangUp.reason();
            log.fallback("hang_up " + status);
        } else {
            // a voice message or voicemail: vpbx answers the call itself, and the leg writes the record when it ends
            log.fallback(fallback.kind());
            context.calls().setupTook(System.nanoTime() - startNanos);
            context.calls().routingEnded();
            context.answering().answer(server, invite, fallback, new LocalCallRecord(context.calls(), log));
            return;
        }
        server.sendResponse(WireMessage.response(Rewrites.response(invite, status, reason, context.answers().toTag(invite)),
                status, invite));
        CallRecord.Result result = sawBusy && !sawNoAnswer ? CallRecord.Result.BUSY
                : sawNoAnswer ? CallRecord.Result.NO_ANSWER : CallRecord.Result.FAILED;
        context.calls().setupTook(System.nanoTime() - startNanos);
        context.calls().ended(log.end(result, status, context.clock().instant()));
        context.calls().routingEnded();
    }

    @Override
    public void cancel(Branch branch, String outcome) {
        branch.done(0);
        log.attempt(branch.leg(), branch.requestUri(), 0, outcome, branch.startedAt(), context.clock().instant());
        branch.cancelWanted();
        if (branch.hasProvisional()) {
            sendCancel(branch);
        }
    }

    /** A CANCEL only after a provisional response (section 9.1); until then it waits for one. */
    private void sendCancel(Branch branch) {
        if (!branch.takeCancel() || branch.forwarded() == null) {
            return;
        }
        context.transactions().startClient(WireMessage.parse(Rewrites.cancel(branch.forwarded())), branch.flow());
    }

    /** A 2xx after the call ended elsewhere: acknowledge it and hang up, so that no phone is left off hook. */
    private void hangUpLateAnswer(WireMessage response, Flow flow) {
        context.teardown().acknowledgeAndHangUp(response, flow);
    }

    private static boolean hasPlatformNumber(RingStep step) {
        for (Leg leg : step.legs()) {
            if (leg.kind() == Leg.Kind.PLATFORM_NUMBER) {
                return true;
            }
        }
        return false;
    }

    /** Section 16.7 step 6, simplified: 6xx first, then busy, then any 4xx over 5xx. */
    private static boolean preferred(int code, int best) {
        if (code / 100 == 6 || best / 100 == 6) {
            return code / 100 == 6 && best / 100 != 6;
        }
        if (code == 486) {
            return best != 486;
        }
        return code / 100 == 4 && best / 100 == 5;
    }
}
