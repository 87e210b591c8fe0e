package io.vpbx.sip.uas;

import io.vpbx.media.AudioClip;
import io.vpbx.media.MediaSession;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.proxy.RingSequence;
import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.uas.ScenarioForwarding.BridgeRequest;
import io.vpbx.sip.uas.ScenarioForwarding.ForwardOutcome;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One scenario {@code forward}: the UAC half of the back-to-back user agent whose UAS half is the caller's
 * {@link AnsweringLeg}. It rings the target's steps in order (each a parallel fork of {@link CalleeBranch}es bounded
 * by its own ring time, as the proxy rings a number's steps: the forward's ring timeout is the ring time of the steps
 * that have none of their own, a department's members keep theirs), sends vpbx's own INVITE with an offer from a second
 * media session, lets the caller hear the ringing tone (or the callee's early media, bridged at once), CANCELs
 * the other branches when one answers, ACKs the 2xx (again for each repeat of it) and bridges the two media sessions
 * ({@link MediaSession#bridge}). It ends when the callee sends BYE or the caller leaves ({@link #stop}: CANCEL while
 * ringing, BYE when bridged); then the callee's session is closed, the caller's unbridged, and the scenario told.
 * Confined to the SIP event loop.
 */
final class BridgedCall implements ScenarioForwarding.Forwarding, RingSequence.Ringer<BridgeTargets.Ring, CalleeBranch>,
        LocalDialogs.Party {
    private static final Logger log = LoggerFactory.getLogger(BridgedCall.class);
    private static final String PATH = "forward";

    private enum State { RINGING, BRIDGED, ENDED }

    private final UasContext context;
    private final LocalDialogs<BridgedCall> dialogs;
    private final BridgeRequest request;
    private final Consumer<ForwardOutcome> done;
    private final SessionDescriptions sdp;
    private final String fromTag;
    private final AudioClip ringback;
    private final RingSequence<BridgeTargets.Ring, CalleeBranch> sequence;
    private State state = State.RINGING;
    private MediaSession calleeMedia;
    private int bestCode;
    private CalleeBranch earlyBranch;
    private CalleeBranch answeredBranch;
    private WireMessage answer;

    BridgedCall(UasContext context, LocalDialogs<BridgedCall> dialogs, BridgeRequest request, AudioClip ringback,
                Consumer<ForwardOutcome> done) {
        this.context = context;
        this.ringback = ringback;
        this.dialogs = dialogs;
        this.request = request;
        this.done = done;
        this.sdp = new SessionDescriptions(context.services().media().codecs(), context.clock().millis());
        this.fromTag = newId();
        this.sequence = new RingSequence<>(this, context.scheduler());
    }

    /** Opens the callee's media session and rings the first step; {@code rings} from {@link BridgeTargets}. */
    void start(List<BridgeTargets.Ring> targetRings) {
        if (targetRings.isEmpty()) {
            finish(new ForwardOutcome.NotAnswered(480, "nobody_to_ring"));
            return;
        }
        Optional<MediaSession> media = context.services().media().open(request.invite().callId() + ";bridge");
        if (media.isEmpty()) {
            finish(new ForwardOutcome.NotAnswered(503, "no_media_port"));
            return;
        }
        calleeMedia = media.get();
        sequence.plan(targetRings);
        ringingTone();
        sequence.start();
    }

    /** The account's rules for calls out refuse the target ({@code why}): nothing rings, the scenario goes on. */
    void refused(String why) {
        log.debug("forward of call {} refused: {}", request.invite().callId(), why);
        finish(new ForwardOutcome.NotAnswered(403, "destination_refused"));
    }

    // ---- ringing ----

    @Override
    public void ring(BridgeTargets.Ring step) {
        for (BridgeTargets.Callee callee : step.callees()) {
            ring(callee);
        }
    }

    @Override
    public int ringSeconds(BridgeTargets.Ring step) {
        return step.ringSeconds();
    }

    @Override
    public boolean failoverOnBusy(BridgeTargets.Ring step) {
        return step.failoverOnBusy();
    }

    private void ring(BridgeTargets.Callee callee) {
        CalleeBranch branch = new CalleeBranch(this, callee, newId() + "@vpbx", context.clock().instant());
        sequence.add(branch);
        SipUri uri = SipUri.parse(callee.requestUri());
        if (uri == null) {
            failed(branch, 0, "unroutable");
        } else if (callee.leg().kind() == Leg.Kind.SIP_URI) {
            context.network().flowToAccountTarget(uri, () -> failed(branch, 503, "private_target"),
                    flow -> connected(branch, flow));
        } else {
            context.network().flowTo(uri, flow -> connected(branch, flow));
        }
    }

    private void connected(CalleeBranch branch, Flow flow) {
        if (!branch.pending() || state != State.RINGING) {
            return;
        }
        if (flow == null) {
            failed(branch, 503, "unreachable");
            return;
        }
        String contact = context.network().recordRoute(flow.transport()).replace(";lr>", ">");
        WireMessage invite = CalleeRequests.invite(request.invite(), branch.callee().requestUri(), via(flow),
                branch.callId(), fromTag, contact, sdp.offer(calleeMedia.localRtp()));
        if (context.transactions().startClient(invite, flow, branch).isEmpty()) {
            failed(branch, 503, "overloaded");
            return;
        }
        branch.sent(invite, flow);
        dialogs.add(branch.callId(), this);
    }

    void response(CalleeBranch branch, WireMessage response) {
        int code = response.statusCode();
        if (code < 200) {
            if (branch.provisionalTakesCancel()) {
                sendCancel(branch);
            } else if (code > 100 && earlyBranch == null && state == State.RINGING && branch.pending()) {
                earlyMedia(branch, response);
            }
            return;
        }
        if (code < 300) {
            answered(branch, response);
            return;
        }
        if (!branch.pending()) {
            return;
        }
        branch.done();
        attempt(branch, code, RingSequence.outcomeOf(code));
        earlyMediaEnded(branch);
        if (bestCode == 0 || code == 486 || (code / 100 == 4 && bestCode / 100 == 5)) {
            bestCode = code;
        }
        sequence.rejected(code);
    }

    /** A 18x with SDP: the callee's early media (a carrier's ringing or announcement) replaces our ringing tone. */
    private void earlyMedia(CalleeBranch branch, WireMessage response) {
        String body = response.body();
        if (body != null && !body.isEmpty() && sdp.read(body) instanceof MediaTerms.Agreed agreed) {
            earlyBranch = branch;
            calleeMedia.connect(agreed.remote());
            request.media().bridge(calleeMedia);
        }
    }

    /** The ringing tone for as long as the steps left may ring (a bridge or the scenario's next play stops it). */
    private void ringingTone() {
        long seconds = sequence.secondsLeft();
        request.media().play(ringback, (int) Math.min(Integer.MAX_VALUE, seconds / 5 + 1));
    }

    void failed(CalleeBranch branch, int code, String outcome) {
        if (!branch.pending()) {
            return;
        }
        branch.done();
        attempt(branch, code, outcome);
        earlyMediaEnded(branch);
        sequence.branchEnded();
    }

    private void answered(CalleeBranch branch, WireMessage response) {
        Flow flow = branch.flow();
        flow.send(WireMessage.parse(Rewrites.inDialog("ACK", response, via(flow), 0)));
        if (state != State.RINGING || !branch.pending()) {
            hangUp(response, flow); // a second answer, or one that crossed our CANCEL: nobody is left off hook
            return;
        }
        MediaTerms terms = sdp.read(response.body());
        if (!(terms instanceof MediaTerms.Agreed agreed)) {
            hangUp(response, flow);
            failed(branch, 488, "incompatible_media");
            return;
        }
        branch.done();
        attempt(branch, response.statusCode(), "answered");
        state = State.BRIDGED;
        answeredBranch = branch;
        answer = response;
        sequence.answeredBy(branch);
        calleeMedia.connect(agreed.remote());
        request.media().bridge(calleeMedia);
    }

    private void earlyMediaEnded(CalleeBranch branch) {
        if (branch == earlyBranch && state == State.RINGING) {
            earlyBranch = null;
            request.media().unbridge();
            ringingTone();
        }
    }

    /** A branch still ringing when its step's time ran out: its early media, if it was playing, gives way to our tone. */
    @Override
    public void timedOut(CalleeBranch branch) {
        cancel(branch, RingSequence.NO_ANSWER);
        earlyMediaEnded(branch);
    }

    @Override
    public void noneAnswered() {
        notAnswered();
    }

    private void notAnswered() {
        boolean sawNoAnswer = sequence.sawNoAnswer();
        boolean busy = sequence.sawBusy() && !sawNoAnswer;
        int code = busy ? 486 : bestCode != 0 ? bestCode : sawNoAnswer ? 408 : 480;
        finish(new ForwardOutcome.NotAnswered(code, busy ? "busy" : sawNoAnswer ? "no_answer" : "failed"));
    }

    // ---- the bridged call ----

    /**
     * A 2xx after the INVITE's transaction ended: the answered callee repeats its 2xx until our ACK arrives, so an ACK
     * goes for each repeat (RFC 3261 section 13.2.2.4: built as any request in the dialog, the INVITE's CSeq, a branch
     * of its own, as the ACK of a 2xx is a transaction of its own); a 2xx of another fork's dialog is acknowledged and
     * hung up, as while ringing.
     */
    void repeatedAnswer(WireMessage response) {
        int code = response.statusCode();
        if (code < 200 || code >= 300 || !"INVITE".equals(response.cseqMethod())) {
            return;
        }
        if (state == State.BRIDGED && Objects.equals(response.toTag(), answer.toTag())
                && response.callId().equals(answer.callId())) {
            Flow flow = answeredBranch.flow();
            flow.send(WireMessage.parse(Rewrites.inDialog("ACK", response, via(flow), 0)));
            context.metrics().ackRepeated();
            return;
        }
        for (CalleeBranch branch : sequence.branches()) {
            if (branch.callId().equals(response.callId()) && branch.flow() != null) {
                branch.flow().send(WireMessage.parse(Rewrites.inDialog("ACK", response, via(branch.flow()), 0)));
                hangUp(response, branch.flow());
                return;
            }
        }
    }

    /** A request from the callee within its dialog: BYE ends the forward, the rest are answered here. */
    void request(ServerTransaction<WireMessage> transaction, WireMessage inDialog) {
        String method = inDialog.method();
        if ("BYE".equals(method)) {
            reply(transaction, inDialog, 200, "OK");
            if (state == State.BRIDGED) {
                finish(new ForwardOutcome.Bridged(answeredBranch.callee().requestUri()));
            }
            return;
        }
        if ("INVITE".equals(method) && state == State.BRIDGED && inDialog.body() != null && !inDialog.body().isEmpty()
                && sdp.read(inDialog.body()) instanceof MediaTerms.Agreed agreed) {
            calleeMedia.connect(agreed.remote()); // the callee moved or holds: its ACK is not awaited (known gap)
            String contact = context.network().recordRoute(answeredBranch.flow().transport()).replace(";lr>", ">");
            transaction.sendResponse(WireMessage.response(Rewrites.responseWithSdp(inDialog, 200, "OK", fromTag,
                    sdp.answer(agreed, calleeMedia.localRtp()), "Contact", contact, "Allow", CalleeRequests.ALLOW),
                    200, inDialog));
            return;
        }
        if ("INVITE".equals(method)) {
            reply(transaction, inDialog, 488, "Not Acceptable Here");
            return;
        }
        reply(transaction, inDialog, 200, "OK");
    }

    /** The caller left, or its leg ends: CANCEL what rings, or BYE the callee; the scenario is told either way. */
    @Override
    public void stop() {
        if (state == State.RINGING) {
            sequence.cancelAll(RingSequence.CANCELLED);
            finish(new ForwardOutcome.NotAnswered(487, "caller_left"));
        } else if (state == State.BRIDGED) {
            hangUp(answer, answeredBranch.flow());
            finish(new ForwardOutcome.Bridged(answeredBranch.callee().requestUri()));
        }
    }

    private void finish(ForwardOutcome outcome) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        sequence.stop();
        for (CalleeBranch branch : sequence.branches()) {
            dialogs.remove(branch.callId(), this);
        }
        request.media().unbridge();
        if (!(outcome instanceof ForwardOutcome.Bridged)) {
            request.media().stopPlaying(); // our ringing tone; the scenario plays what comes next
        }
        if (calleeMedia != null) {
            calleeMedia.close();
        }
        done.accept(outcome);
    }

    // ---- messages ----

    @Override
    public void cancel(CalleeBranch branch, String outcome) {
        attempt(branch, 0, outcome);
        branch.cancelWanted();
        if (branch.takeCancel()) {
            sendCancel(branch);
        }
    }

    private void sendCancel(CalleeBranch branch) {
        context.transactions().startClient(WireMessage.parse(Rewrites.cancel(branch.invite())), branch.flow());
    }

    /** A BYE straight to the callee's Contact, CSeq after the INVITE's (section 15.1.1). */
    private void hangUp(WireMessage response, Flow flow) {
        context.transactions().startClient(WireMessage.parse(Rewrites.inDialog("BYE", response, via(flow), 1)), flow);
    }

    private void reply(ServerTransaction<WireMessage> transaction, WireMessage inDialog, int status, String reason) {
        transaction.sendResponse(WireMessage.response(Rewrites.response(inDialog, status, reason, fromTag), status,
                inDialog));
    }

    private void attempt(CalleeBranch branch, int code, String outcome) {
        request.call().path(PATH, "attempt " + branch.callee().requestUri() + " " + outcome
                + (code > 0 ? " " + code : ""), context.clock().instant());
    }

    /** Whether {@code response} (Call-ID known to be one of ours) carries our tag in its From: an answer to our INVITE. */
    @Override
    public boolean answering(WireMessage response) {
        return fromTag.equals(response.fromTag());
    }

    /** Whether {@code inDialog} (Call-ID known to be one of ours) names our tag: a request of the callee's dialog. */
    @Override
    public boolean within(WireMessage inDialog) {
        return fromTag.equals(inDialog.toTag());
    }

    private String via(Flow flow) {
        return context.network().viaPrefix(flow.transport()) + ";branch=" + context.branches().get();
    }

    private String newId() {
        return context.branches().get().substring(TransactionTable.MAGIC_COOKIE.length());
    }
}
