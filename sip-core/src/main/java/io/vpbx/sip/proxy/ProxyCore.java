package io.vpbx.sip.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.sip.DropReason;
import io.vpbx.sip.Outcome;
import io.vpbx.sip.StatelessResponder;
import io.vpbx.sip.overload.OverloadControl;
import io.vpbx.sip.routing.DialedNumber;
import io.vpbx.sip.routing.RingMemory;
import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.transaction.ClientTransaction;
import io.vpbx.sip.transaction.RequestDisposition;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.transaction.Transaction;
import io.vpbx.sip.transaction.TransactionContext;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.transaction.TransactionUser;
import io.vpbx.sip.uplink.RequestChannel;
import io.vpbx.sip.uplink.UplinkAccount;
import io.vpbx.sip.uplink.UplinkDirectory;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.RequestChecks;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.Via;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.cdr.CallRecordSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transaction-stateful proxy (RFC 3261 section 16) on one event loop: every received message enters
 * through {@link #receive}, transactions absorb retransmissions, and this class decides, as a short script:
 * sanity checks, then an initial INVITE is routed by the {@link Router} from the in-memory routing table and
 * forked by an {@link InviteSession}; CANCEL stops it; requests within a dialog follow their Route headers;
 * everything else (REGISTER, OPTIONS) is answered locally.
 *
 * <p>Not thread-safe: it, its transaction table and every session belong to the one SIP event loop.
 */
public final class ProxyCore implements TransactionUser<WireMessage> {
    private static final Logger log = LoggerFactory.getLogger(ProxyCore.class);
    /** The most one UDP datagram carries over IPv4 (65535 less the IP and UDP headers). */
    static final int MAX_DATAGRAM = 65_507;
    /** How our Warning headers name us (RFC 3261 section 20.43: a pseudonym is allowed). */
    private static final String WARN_AGENT = "vpbx";

    private final TransactionTable<WireMessage> transactions;
    private final Network network;
    private final Router router;
    private final RoutingTable routing;
    private final StatelessResponder local;
    private final CallRecordSink records;
    private final FallbackMedia media;
    private final Clock clock;
    private final TimerScheduler scheduler;
    private final BranchIds branches = new BranchIds(new SecureRandom());
    private final Dialogs dialogs;
    private final ProxyMetrics metrics;
    private final OutboundCalls outbound;
    private final int maxHeaders;
    private final Duration maxCallDuration;
    private final RingMemory ringMemory;
    private final UplinkDirectory uplinks;
    private final SignedRoutes signedRoutes;
    private final DialogGate dialogGate;
    private final DialogTerminator terminator;
    private final UnacknowledgedAnswers unacknowledged;
    /** Empty: every new call is admitted. */
    private final Optional<NewCallAdmission> admission;
    private final CallAdmission callLimits;
    private final CallDurationLimit durations;
    private int sessions;

    public ProxyCore(ProxySettings settings, Network network, Router router, RoutingTable routing, StatelessResponder local,
                     RingMemory ringMemory, OutboundCalls outbound, CallRecordSink records, FallbackMedia media, Clock clock, TimerScheduler scheduler,
                     MeterRegistry registry, UplinkDirectory uplinks) {
        this(settings, network, router, routing, local, ringMemory, outbound, records, media, clock, scheduler, registry,
                uplinks, Optional.empty());
    }

    /** @param overload sheds new calls while the event loop is behind; empty: none is ever shed */
    public ProxyCore(ProxySettings settings, Network network, Router router, RoutingTable routing, StatelessResponder local,
                     RingMemory ringMemory, OutboundCalls outbound, CallRecordSink records, FallbackMedia media, Clock clock,
                     TimerScheduler scheduler, MeterRegistry registry, UplinkDirectory uplinks, Optional<OverloadControl> overload) {
        this.admission = overload.map(control -> new NewCallAdmission(control.governor(), control.metrics(),
                control.retryAfter()));
        this.uplinks = uplinks;
        this.network = network;
        this.router = router;
        this.routing = routing;
        this.local = local;
        this.outbound = outbound;
        this.records = records;
        this.media = media;
        this.clock = clock;
        this.scheduler = scheduler;
        this.maxHeaders = settings.maxHeaders();
        this.maxCallDuration = settings.maxCallDuration();
        this.ringMemory = ringMemory;
        this.transactions = new TransactionTable<>(settings.maxTransactions(), new TransactionContext<>(
                settings.timers(), scheduler, this,
                (invite, response) -> WireMessage.parse(Rewrites.ack(invite, response)),
                invite -> WireMessage.response(Rewrites.response(invite, 100, "Trying", null), 100, invite)));
        this.dialogs = new Dialogs(settings.maxDialogs());
        this.terminator = new DialogTerminator(network, branches, transactions);
        this.unacknowledged = new UnacknowledgedAnswers(scheduler, settings.timers().sixtyFourT1(), this::notAcknowledged);
        this.metrics = new ProxyMetrics(registry, () -> sessions + dialogs.size(), transactions::size);
        this.signedRoutes = new SignedRoutes(settings.routeKey());
        this.dialogGate = new DialogGate(signedRoutes, dialogs);
        this.callLimits = new CallAdmission(clock, registry);
        this.durations = new CallDurationLimit(scheduler, registry);
    }

    /** One framed message from a flow. */
    public void receive(byte[] bytes, Flow source) {
        if (isKeepAlive(bytes)) {
            return;
        }
        WireMessage message = WireMessage.parse(bytes);
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
            if (!transactions.receiveResponse(message)) {
                strayResponse(message);
            }
            return;
        }
        if (admission.isPresent() && admission.get().refuses(message, source, transactions, toTag(message))) {
            return;
        }
        RequestDisposition disposition = transactions.receiveRequest(message, source);
        switch (disposition) {
            case STRAY_ACK -> forwardStateless(message, source);
            case REJECTED_FULL -> source.send(WireMessage.parse(Rewrites.response(message, 503, "Service Unavailable",
                    toTag(message), "Retry-After", "5")));
            case NOT_RFC3261 -> {
                if (!"ACK".equals(message.method())) {
                    source.send(WireMessage.parse(Rewrites.response(message, 400, "Bad Request (no transaction key)", null)));
                }
            }
            default -> { }
        }
    }

    // ---- TransactionUser ----

    @Override
    public void receiveRequest(ServerTransaction<WireMessage> transaction, WireMessage request) {
        String method = request.method();
        boolean inDialog = request.toTag() != null;
        RequestChecks.Refusal refusal = RequestChecks.check(request, answeredHere(request));
        if (refusal != null) {
            refuse(transaction, request, refusal.status(), refusal.reason(), refusal.check(), refusal.headers());
        } else if ("CANCEL".equals(method)) {
            cancel(transaction, request);
        } else if ("INVITE".equals(method) && !inDialog) {
            initialInvite(transaction, request);
        } else if (inDialog) {
            withinDialog(transaction, request);
        } else if (relayWanted(request)) {
            refuse(transaction, request, 403, "Forbidden (not relaying)", "not_relaying");
        } else {
            answerLocally(transaction, request);
        }
    }

    @Override
    public void receiveResponse(ClientTransaction<WireMessage> transaction, WireMessage response) {
        Object owner = transaction.attachment();
        if (owner instanceof Branch branch) {
            branch.session().response(branch, response);
        } else if (owner instanceof Relay relay) {
            relay.response(response);
        } else if (owner instanceof RequestChannel.ResponseHandler handler) {
            handler.response(response.bytes());
        }
    }

    @Override
    public void timeout(Transaction<WireMessage> transaction) {
        failed(transaction, 408, "timeout");
    }

    @Override
    public void transportError(Transaction<WireMessage> transaction) {
        failed(transaction, 503, "transport_error");
    }

    private void failed(Transaction<WireMessage> transaction, int code, String outcome) {
        Object owner = transaction.attachment();
        if (owner instanceof Branch branch) {
            branch.session().failed(branch, code, outcome);
        } else if (owner instanceof Relay relay) {
            relay.failed(code);
        } else if (owner instanceof RequestChannel.ResponseHandler handler) {
            if (code == 408) {
                handler.timeout();
            } else {
                handler.transportError();
            }
        }
    }

    // ---- the script ----

    private void initialInvite(ServerTransaction<WireMessage> transaction, WireMessage invite) {
        if (invite.maxForwardsValue() == 0) {
            reject(transaction, invite, 483, "Too Many Hops");
            return;
        }
        if (loops(invite)) {
            reject(transaction, invite, 482, "Loop Detected");
            return;
        }
        Flow source = (Flow) transaction.transport();
        String sourceIp = source.remote().getAddress().getHostAddress();
        String caller = callerOf(invite);
        SipUri requestUri = SipUri.parse(invite.requestUri());
        Optional<UplinkAccount> line = uplinks.inbound(sourceIp, requestUri == null ? null : requestUri.user());
        if (line.isPresent()) {
            thirdPartyInvite(transaction, invite, caller, line.get());
            return;
        }
        if (routing.trunkFrom(sourceIp).isEmpty()) {
            outbound.route(this, transaction, invite, caller);
            return;
        }
        SipUri uri = SipUri.parse(invite.requestUri());
        String dialed = DialedNumber.toE164(uri == null ? null : uri.user());
        CallLog log = new CallLog(invite.callId(), CallRecord.Direction.INBOUND, caller, dialed, clock.instant());
        log.carrier(routing.trunkFrom(sourceIp).get().name());
        if (dialed == null) {
            finishRejected(transaction, invite, log, 404, "Not Found");
            return;
        }
        RouteDecision decision = router.route(sourceIp, dialed);
        if (decision instanceof RouteDecision.Reject reject) {
            routing.number(dialed).ifPresent(entry -> log.account(entry.accountId(), dialed));
            finishRejected(transaction, invite, log, reject.sipCode(), reject.reason());
            return;
        }
        RouteDecision.Ring ring = (RouteDecision.Ring) decision;
        log.account(ring.entry().accountId(), dialed);
        if (!admitted(transaction, invite, log, ring.entry().accountId())) {
            return;
        }
        startSession(transaction, invite, log, ring, new String[0]);
    }

    /**
     * A call to a third-party number from its operator (the INVITE came from where we register that number, for
     * the Contact we registered): routed by the number's own rules, like a purchased number.
     */
    private void thirdPartyInvite(ServerTransaction<WireMessage> transaction, WireMessage invite, String caller,
                                  UplinkAccount line) {
        CallLog log = new CallLog(invite.callId(), CallRecord.Direction.INBOUND, caller, line.e164(), clock.instant());
        log.carrier(thirdPartyCarrier(line));
        Optional<RouteEntry> entry = routing.number(line.e164());
        if (entry.isEmpty() || !entry.get().accountId().equals(line.accountId())) {
            finishRejected(transaction, invite, log, 404, "Not Found");
            return;
        }
        log.account(line.accountId(), line.e164());
        RouteDecision decision = router.routeOnPlatform(line.e164());
        if (decision instanceof RouteDecision.Reject reject) {
            finishRejected(transaction, invite, log, reject.sipCode(), reject.reason());
            return;
        }
        if (!admitted(transaction, invite, log, line.accountId())) {
            return;
        }
        startSession(transaction, invite, log, (RouteDecision.Ring) decision, new String[0]);
    }

    /** How call records name the operator that carried a third-party number's call. */
    static String thirdPartyCarrier(UplinkAccount line) {
        return "third-party:" + line.server();
    }

    /** Starts forking for a routed INVITE; also used by outbound calls once they are authorised. */
    void startSession(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, RouteDecision.Ring ring,
                      String[] extraHeaders) {
        startSession(transaction, invite, log, ring, extraHeaders, null);
    }

    /** As above; {@code operator} non-null: the call goes out through that third-party line, answering its challenges. */
    void startSession(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, RouteDecision.Ring ring,
                      String[] extraHeaders, UplinkAccount operator) {
        InviteSession session = new InviteSession(this, transaction, invite, log, ring, extraHeaders, operator);
        transaction.attach(session);
        sessions++;
        session.start();
    }

    /** A request with a To tag: relayed only within a dialog of ours and from one of its parties (docs/adr/0012). */
    private void withinDialog(ServerTransaction<WireMessage> transaction, WireMessage request) {
        int ours = ourRoutes(request);
        if (ours == 0 && addressedToUs(request)) {
            refuse(transaction, request, 481, "Call/Transaction Does Not Exist", "no_dialog");
            return;
        }
        Flow source = (Flow) transaction.transport();
        DialogGate.Verdict verdict = dialogGate.check(request, ours, source.remote().getAddress());
        if (verdict != DialogGate.Verdict.RELAY) {
            refuse(transaction, request, verdict.status, verdict.reason, verdict.check());
            return;
        }
        new Relay(this, transaction, request).start();
    }

    /**
     * An out-of-dialog request other than INVITE, OPTIONS and REGISTER (answered here) that names another host, or
     * any that carries our Route: the sender wants it relayed, and nothing outside a dialog is relayed but a call.
     */
    private boolean relayWanted(WireMessage request) {
        String method = request.method();
        if ("OPTIONS".equals(method) || "REGISTER".equals(method)) {
            return false;
        }
        return topRouteIsUs(request) || !addressedToUs(request) && SipUri.parse(request.requestUri()) != null;
    }

    private boolean addressedToUs(WireMessage request) {
        SipUri uri = SipUri.parse(request.requestUri());
        return uri != null && network.isUs(uri.host(), uri.portOrDefault());
    }

    /** Requests vpbx answers itself (a Require is its business); every other request is forwarded or refused. */
    private static boolean answeredHere(WireMessage request) {
        String method = request.method();
        return ("OPTIONS".equals(method) || "REGISTER".equals(method)) && request.toTag() == null;
    }

    /** A request refused by a check of the script: answered and counted. */
    private void refuse(ServerTransaction<WireMessage> transaction, WireMessage request, int status, String reason,
                        String check, String... headers) {
        metrics.refused(status, check);
        answer(transaction, request, status, Rewrites.response(request, status, reason, toTag(request), headers));
    }

    /** Sends an answer of ours to {@code request}, or the 513 that replaces it when it would not fit a datagram. */
    private void answer(ServerTransaction<WireMessage> transaction, WireMessage request, int status, byte[] answer) {
        byte[] sent = fitted(request, answer, (Flow) transaction.transport());
        transaction.sendResponse(WireMessage.response(sent, sent == answer ? status : 513, request));
    }

    /**
     * An answer of ours as it may go back: one too large for a datagram (a 64 KB request's headers echoed) becomes
     * a small 513 (RFC 3261 section 18.1.1 has no room for it otherwise), so that the sender still hears back.
     */
    private byte[] fitted(WireMessage request, byte[] answer, Flow flow) {
        if (flow.reliable() || answer.length <= MAX_DATAGRAM) {
            return answer;
        }
        metrics.refused(513, "answer_too_large");
        return Rewrites.tooLarge(request, toTag(request));
    }

    private void cancel(ServerTransaction<WireMessage> transaction, WireMessage cancel) {
        Optional<? extends ServerTransaction<WireMessage>> invite = transactions.findCancelTarget(cancel);
        if (invite.isEmpty()) {
            transaction.sendResponse(WireMessage.parse(Rewrites.response(cancel, 481,
                    "Call/Transaction Does Not Exist", toTag(cancel))));
            return;
        }
        transaction.sendResponse(WireMessage.parse(Rewrites.response(cancel, 200, "OK", toTag(cancel))));
        Object owner = invite.get().attachment();
        if (owner instanceof InviteSession session) {
            session.cancelledByCaller();
        } else if (owner instanceof Relay relay) {
            relay.cancel();
        }
    }

    private void answerLocally(ServerTransaction<WireMessage> transaction, WireMessage request) {
        Flow source = (Flow) transaction.transport();
        Outcome outcome = local.respond(request, source.remote());
        if (outcome instanceof Outcome.Reply reply) {
            answer(transaction, request, reply.status(), reply.bytes());
        }
    }

    /** A malformed request: the stateless responder decides between a 400 and silence (RFC 3261 section 8.2). */
    private void answerStatelessly(WireMessage request, Flow source) {
        Outcome outcome = local.respond(request, source.remote());
        if (outcome instanceof Outcome.Reply reply) {
            byte[] sent = fitted(request, reply.bytes(), source);
            source.send(WireMessage.response(sent, sent == reply.bytes() ? reply.status() : 513, request));
        } else if (outcome instanceof Outcome.Drop drop) {
            metrics.dropped(drop.reason());
        }
    }

    /**
     * ACK for a 2xx (it matches no transaction) and any request routed without state: pop our Route, send to
     * the next Route or the Request-URI with a derived branch (section 16.11).
     */
    private void forwardStateless(WireMessage request, Flow source) {
        if ("ACK".equals(request.method())) {
            if (toTag(request).equals(request.toTag())) {
                // the ACK of a final response we gave without a transaction (a 503 of overload control): ours to absorb
                return;
            }
            unacknowledged.acknowledged(request.callId());
        }
        if (request.maxForwardsValue() == 0) {
            return;
        }
        if (RequestChecks.check(request, false) != null) {
            metrics.dropped(DropReason.MALFORMED_ACK);
            return;
        }
        int popped = ourRoutes(request);
        if (dialogGate.check(request, popped, source.remote().getAddress()) != DialogGate.Verdict.RELAY) {
            metrics.dropped(DropReason.ACK_OUTSIDE_DIALOG);
            return;
        }
        SipUri next = nextHop(request, popped);
        if (next == null) {
            return;
        }
        network.flowTo(next, flow -> {
            if (flow == null) {
                return;
            }
            String via = network.viaPrefix(flow.transport()) + ";branch="
                    + branches.derived(request.topViaBranch(), request.method());
            flow.send(WireMessage.forwarded(Rewrites.forward(request, request.requestUri(), via, List.of(), popped,
                    received(request, source)), request, request.requestUri(), via));
        });
    }

    /** A response with no client transaction: a 2xx retransmission for a call we forwarded; send it on statelessly. */
    private void strayResponse(WireMessage response) {
        Via top = response.topVia();
        if (top == null || !network.isUs(top.host(), top.port()) || !branches.isOurs(top.branch())) {
            metrics.strayResponse();
            return;
        }
        List<String> vias = response.vias();
        if (vias.size() < 2) {
            metrics.strayResponse();
            return;
        }
        Via previous = Via.parse(vias.get(1));
        if (previous == null || previous.responseAddress() == null) {
            metrics.strayResponse();
            return;
        }
        Flow flow = network.flowTo(previous.transport(), previous.responseAddress());
        if (flow != null) {
            flow.send(WireMessage.response(Rewrites.popVia(response), response.statusCode(), response));
        }
    }

    // ---- shared with sessions and relays ----

    /** The next hop once the first {@code popped} Route values (ours) are removed: the next Route, else the Request-URI. */
    SipUri nextHop(WireMessage request, int popped) {
        List<String> routes = request.values(HeaderId.ROUTE);
        if (routes.size() > popped) {
            return SipUri.parse(Addresses.uri(routes.get(popped)));
        }
        return SipUri.parse(request.requestUri());
    }

    /** Our Record-Route for that transport, signed for the dialog {@code invite} may set up. */
    String recordRoute(String transport, WireMessage invite) {
        return signedRoutes.sign(network.recordRoute(transport), invite.callId(), invite.fromTag());
    }

    boolean topRouteIsUs(WireMessage request) {
        return ourRoutes(request) > 0;
    }

    /**
     * How many Route values at the top name this proxy (section 16.4): two when we record-routed twice because
     * the call changed transport here (RFC 5658), and both are ours to remove.
     */
    int ourRoutes(WireMessage request) {
        int ours = 0;
        for (String route : request.values(HeaderId.ROUTE)) {
            SipUri uri = SipUri.parse(Addresses.uri(route));
            if (uri == null || !network.isUs(uri.host(), uri.portOrDefault())) {
                break;
            }
            ours++;
        }
        return ours;
    }

    private boolean loops(WireMessage request) {
        for (Via via : request.parsedVias()) {
            if (via != null && network.isUs(via.host(), via.port())) {
                return true;
            }
        }
        return false;
    }

    /** {@code ;received=..;rport=..} when the previous hop's sent-by is not where its request came from. */
    String received(WireMessage request, Flow source) {
        Via top = request.topVia();
        String ip = source.remote().getAddress().getHostAddress();
        int port = source.remote().getPort();
        if (top.host().equals(ip) && top.port() == port) {
            return null;
        }
        return ";received=" + ip + ";rport=" + port;
    }

    void reject(ServerTransaction<WireMessage> transaction, WireMessage request, int status, String reason) {
        answer(transaction, request, status, Rewrites.response(request, status, reason, toTag(request)));
    }

    void finishRejected(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, int status, String reason) {
        reject(transaction, invite, status, reason);
        ended(log.end(CallRecord.Result.REJECTED, status, clock.instant()));
    }

    /**
     * The account's toll-fraud limits (calls at once, calls per minute) admit the call, counted from now until its
     * record is written; or it is refused with the answer naming the limit, and recorded.
     */
    boolean admitted(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, String accountId) {
        CallAdmission.Refusal refusal = callLimits.admit(invite.callId(), accountId, routing.callLimits(accountId));
        if (refusal == null) {
            return true;
        }
        refuse(transaction, invite, log, refusal);
        return false;
    }

    /** Answers a call refused by a limit (with Warning and, for a rate, Retry-After) and records it. */
    void refuse(ServerTransaction<WireMessage> transaction, WireMessage invite, CallLog log, CallAdmission.Refusal refusal) {
        transaction.sendResponse(WireMessage.response(Rewrites.response(invite, refusal.status(), refusal.reason(), toTag(invite),
                refusal.headers(WARN_AGENT)), refusal.status(), invite));
        ended(log.end(CallRecord.Result.REJECTED, refusal.status(), clock.instant()));
    }

    /** A call was answered: its account's duration limit starts, with what it takes to end the dialog from here. */
    void answered(WireMessage invite, WireMessage answer, Flow callerFlow, Flow calleeFlow, CallLog log) {
        durations.answered(DialogTeardown.of(invite, answer, callerFlow, calleeFlow, network::isUs),
                routing.callLimits(log.accountId()).maxCallDuration(), this::terminate);
    }

    /** The duration limit ends the call: a BYE to each party, and its record. */
    private void terminate(DialogTeardown.Dialog dialog) {
        for (DialogTeardown.Side side : List.of(dialog.callee(), dialog.caller())) {
            String via = network.viaPrefix(side.flow().transport()) + ";branch=" + branches.next();
            transactions.startClient(DialogTeardown.bye(dialog.callId(), side, via), side.flow());
        }
        CallRecord record = dialogs.end(dialog.callId(), clock.instant());
        if (record != null) {
            ended(record);
        } else {
            callLimits.release(dialog.callId());
        }
    }

    /** A call left the routing phase: counted, and either in a dialog now or recorded. */
    void sessionEnded(InviteSession session) {
        sessions--;
    }

    void setupTook(long nanos) {
        metrics.setupTook(nanos);
    }

    void ended(CallRecord record) {
        callLimits.release(record.callId());
        durations.ended(record.callId());
        metrics.ended(record);
        try {
            records.offer(record);
        } catch (RuntimeException e) {
            log.warn("the call record sink failed; record of call {} lost", record.callId(), e);
        }
    }

    String toTag(WireMessage request) {
        String branch = request.topViaBranch();
        return Integer.toHexString((branch == null ? request.callId() : branch).hashCode() & 0x7fffffff);
    }

    private static String callerOf(WireMessage invite) {
        SipUri from = SipUri.parse(Addresses.uri(invite.from()));
        return from == null || from.user() == null ? Addresses.uri(invite.from()) : from.user();
    }

    private static boolean isKeepAlive(byte[] bytes) {
        for (byte b : bytes) {
            if (b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** A 2xx went upstream from {@code callee}: Timer H runs until the caller's ACK passes. */
    void awaitAck(String callId, WireMessage answer, Flow callee) {
        unacknowledged.answered(callId, answer, callee);
    }

    /** Timer H fired for an answer never acknowledged: the callee is hung up and the call recorded as not billable. */
    private void notAcknowledged(String callId, WireMessage answer, Flow callee) {
        CallRecord record = dialogs.endUnacknowledged(callId, clock.instant());
        if (record == null) {
            return;
        }
        log.debug("call {} answered but never acknowledged within Timer H; hanging up the callee", callId);
        ended(record);
        terminator.hangUp(answer, callee);
    }

    /** Ends the records of calls whose BYE never passed this way; run periodically on the event loop. */
    public void sweepDialogs() {
        dialogs.sweep(clock.instant(), maxCallDuration).forEach(this::ended);
        callLimits.sweep();
    }

    DialogTerminator terminator() {
        return terminator;
    }

    RingMemory ringMemory() {
        return ringMemory;
    }

    TransactionTable<WireMessage> transactions() {
        return transactions;
    }

    Network network() {
        return network;
    }

    Router router() {
        return router;
    }

    RoutingTable routing() {
        return routing;
    }

    BranchIds branches() {
        return branches;
    }

    Dialogs dialogs() {
        return dialogs;
    }

    CallAdmission callLimits() {
        return callLimits;
    }

    UplinkDirectory uplinks() {
        return uplinks;
    }

    FallbackMedia media() {
        return media;
    }

    Clock clock() {
        return clock;
    }

    TimerScheduler scheduler() {
        return scheduler;
    }

    /** Live transactions, for tests and metrics. */
    public int transactionCount() {
        return transactions.size();
    }

    /** Calls being routed plus calls answered and not yet ended. */
    public int activeCalls() {
        return sessions + dialogs.size();
    }
}
