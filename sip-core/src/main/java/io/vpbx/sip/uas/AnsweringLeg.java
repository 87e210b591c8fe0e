package io.vpbx.sip.uas;

import io.vpbx.media.MediaSession;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TransactionOwner;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call vpbx answers itself: the UAS half of a back-to-back user agent whose other half is a media session at
 * vpbx (RFC 3261 sections 12 to 15). It takes over the caller's INVITE server transaction, agrees on media from
 * the caller's offer (or offers in its 2xx and reads the answer in the ACK), answers (200, or 183 for early media),
 * repeats the 2xx until the ACK, runs its {@link AnswerScript} once the call is confirmed, and ends with a BYE of
 * its own when the script is over, or when the caller's BYE or CANCEL comes first. Within the dialog it answers
 * re-INVITEs (new address, hold, resume), OPTIONS and INFO. Confined to the SIP event loop.
 */
final class AnsweringLeg implements TransactionOwner<WireMessage>, LocalDialogs.Party {
    private static final Logger log = LoggerFactory.getLogger(AnsweringLeg.class);
    private static final String ALLOW = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO";

    private enum State { PREPARING, EARLY, ANSWERED, CONFIRMED, ENDED }

    private final UasContext context;
    private final ServerTransaction<WireMessage> server;
    private final WireMessage invite;
    private final Flow flow;
    private final String localTag;
    private final String kind;
    private final AnswerScript script;
    private final AnsweredCall call;
    private final String contact;
    private final SessionDescriptions sdp;
    private State state = State.PREPARING;
    /** The INVITE's offer, once read; null for an INVITE without SDP. */
    private MediaTerms.Agreed offered;
    private MediaSession session;
    /** The 2xx awaiting its ACK (of the INVITE or of a re-INVITE), or null. */
    private AnswerRetransmitter unacknowledged;
    /** The first 2xx, sent again to a repeat of the INVITE. */
    private WireMessage firstAnswer;
    /** Whether the 2xx awaiting its ACK carried our offer: then the ACK carries the answer. */
    private boolean offerInAnswer;
    private boolean scriptRunning;
    private long localCseq;

    AnsweringLeg(UasContext context, ServerTransaction<WireMessage> server, WireMessage invite, String localTag,
                 String kind, AnswerScript script, AnsweredCall call) {
        this.context = context;
        this.server = server;
        this.invite = invite;
        this.flow = (Flow) server.transport();
        this.localTag = localTag;
        this.kind = kind;
        this.script = script;
        this.call = call;
        // in-dialog requests come to this Contact: the proxy's own address, where LocalAnswering finds the leg
        this.contact = context.network().recordRoute(flow.transport()).replace(";lr>", ">");
        this.sdp = new SessionDescriptions(context.services().media().codecs(), context.clock().millis());
    }

    String localTag() {
        return localTag;
    }

    @Override
    public boolean within(WireMessage request) {
        return localTag.equals(request.toTag());
    }

    /** Whether {@code request} repeats the INVITE this leg answers (a retransmission crossing the 2xx). */
    @Override
    public boolean answering(WireMessage request) {
        return "INVITE".equals(request.method()) && request.cseqNumber() == invite.cseqNumber()
                && invite.fromTag() != null && invite.fromTag().equals(request.fromTag());
    }

    /** Takes the INVITE over: the offer is checked, then the script's clips are loaded off the event loop. */
    void start() {
        server.owner(this);
        if (invite.bodyLength() > 0) {
            MediaTerms terms = sdp.read(invite.body());
            if (terms instanceof MediaTerms.Incompatible incompatible) {
                log.debug("call {}: no common media ({}), 488", invite.callId(), incompatible.why());
                context.metrics().incompatible();
                reject(488, "Not Acceptable Here", CallRecord.Result.FAILED, "Warning", warning());
                return;
            }
            offered = (MediaTerms.Agreed) terms;
        }
        script.load().whenCompleteAsync((present, error) -> loaded(error == null && Boolean.TRUE.equals(present)),
                context.loop());
    }

    private void loaded(boolean present) {
        if (state != State.PREPARING) {
            return;
        }
        if (!present) {
            log.warn("call {}: the {} clip of account {} is gone; answered 480", invite.callId(), kind, call.accountId());
            context.metrics().clipGone();
            reject(480, "Temporarily Unavailable (voice message deleted)", CallRecord.Result.FAILED);
            return;
        }
        if (script.refusal() != 0) {
            int status = script.refusal();
            reject(status, new Fallback.HangUp(status).reason(), status == 486 || status == 600 || status == 603
                    ? CallRecord.Result.BUSY : CallRecord.Result.FAILED);
            return;
        }
        Optional<MediaSession> opened = context.services().media().open(invite.callId());
        if (opened.isEmpty()) {
            context.metrics().noPort();
            reject(503, "Service Unavailable (no media port free)", CallRecord.Result.FAILED, "Retry-After", "5");
            return;
        }
        session = opened.get();
        context.dialogs().add(invite.callId(), this);
        if (offered != null) {
            session.connect(offered.remote());
        }
        if (script.earlyMedia()) {
            playEarly();
            return;
        }
        offerInAnswer = offered == null;
        WireMessage ok = withSdp(invite, 200, "OK", offerInAnswer ? sdp.offer(session.localRtp())
                : sdp.answer(offered, session.localRtp()));
        firstAnswer = ok;
        server.sendResponse(ok);
        state = State.ANSWERED;
        call.answered(context.clock().instant());
        context.metrics().answered(kind);
        awaitAck(ok, invite.cseqNumber());
    }

    /** 183 with SDP, the script, then the final rejection: the caller hears the message and is not charged. */
    private void playEarly() {
        if (offered == null) {
            // an offer of ours cannot go in an unreliable 183 (section 13.2.1): no early media, only the rejection
            reject(script.rejectCode(), new Fallback.HangUp(script.rejectCode()).reason(), CallRecord.Result.FAILED);
            return;
        }
        server.sendResponse(withSdp(invite, 183, "Session Progress", sdp.answer(offered, session.localRtp())));
        state = State.EARLY;
        context.metrics().answered(kind);
        runScript();
    }

    private void runScript() {
        scriptRunning = true;
        script.run(session, this::scriptOver);
    }

    private void scriptOver() {
        scriptRunning = false;
        switch (state) {
            case EARLY -> reject(script.rejectCode(), new Fallback.HangUp(script.rejectCode()).reason(), CallRecord.Result.FAILED);
            case ANSWERED, CONFIRMED -> hangUp();
            default -> closeMedia();
        }
    }

    // ---- the dialog ----

    /** An ACK within the dialog: the 2xx it confirms stops; the first one starts the script. */
    void acknowledged(WireMessage ack) {
        if (unacknowledged == null || ack.cseqNumber() != unacknowledged.cseq()) {
            return;
        }
        unacknowledged.stop();
        unacknowledged = null;
        if (offerInAnswer) {
            offerInAnswer = false;
            MediaTerms terms = ack.bodyLength() > 0 ? sdp.read(ack.body()) : new MediaTerms.Incompatible("no SDP in the ACK");
            if (!(terms instanceof MediaTerms.Agreed agreed)) {
                // section 13.2.1: an unacceptable answer in the ACK ends the session with a BYE
                log.debug("call {}: the answer in the ACK is not acceptable; hanging up", invite.callId());
                context.metrics().incompatible();
                hangUp();
                return;
            }
            session.connect(agreed.remote());
        }
        if (state == State.ANSWERED) {
            state = State.CONFIRMED;
            runScript();
        }
    }

    /** A new request within the dialog, in its own server transaction. */
    void request(ServerTransaction<WireMessage> transaction, WireMessage request) {
        switch (request.method()) {
            case "BYE" -> callerHungUp(transaction, request);
            case "INVITE" -> reinvite(transaction, request);
            case "OPTIONS" -> reply(transaction, request, 200, "OK", "Allow", ALLOW, "Accept", "application/sdp");
            case "INFO" -> info(transaction, request);
            default -> reply(transaction, request, 405, "Method Not Allowed", "Allow", ALLOW);
        }
    }

    /**
     * An INFO (RFC 6086): answered 200; a DTMF digit it carries goes to the script while it runs (phones that send
     * keys in signalling rather than as RFC 4733 events).
     */
    private void info(ServerTransaction<WireMessage> transaction, WireMessage request) {
        reply(transaction, request, 200, "OK");
        if (!scriptRunning || request.bodyLength() == 0) {
            return;
        }
        String type = request.first("Content-Type");
        InfoDigits.read(type != null ? type : request.first("c"), request.body()).ifPresent(script::digit);
    }

    /** A repeat of the INVITE after the 2xx ended its transaction: the 2xx again. */
    void repeated(ServerTransaction<WireMessage> transaction) {
        if (firstAnswer != null) {
            transaction.sendResponse(firstAnswer);
        } else {
            reply(transaction, invite, 500, "Server Internal Error", "Retry-After", "1");
        }
    }

    private void callerHungUp(ServerTransaction<WireMessage> transaction, WireMessage bye) {
        reply(transaction, bye, 200, "OK");
        if (state == State.EARLY) {
            // a BYE in the early dialog (section 15): the INVITE is over too
            reject(487, "Request Terminated", CallRecord.Result.CANCELLED);
            return;
        }
        end(CallRecord.Result.ANSWERED, 200);
    }

    /**
     * A re-INVITE (section 14.2): a new offer is answered and its address connected (hold: sendonly or inactive,
     * answered recvonly or inactive, nothing sent); without SDP vpbx offers in the 2xx and the ACK answers. One
     * at a time: while a 2xx waits for its ACK another re-INVITE gets 500 with Retry-After.
     */
    private void reinvite(ServerTransaction<WireMessage> transaction, WireMessage reinvite) {
        if (unacknowledged != null || session == null) {
            reply(transaction, reinvite, 500, "Server Internal Error", "Retry-After", "1");
            return;
        }
        if (reinvite.bodyLength() == 0) {
            WireMessage ok = withSdp(reinvite, 200, "OK", sdp.offer(session.localRtp()));
            offerInAnswer = true;
            transaction.sendResponse(ok);
            awaitAck(ok, reinvite.cseqNumber());
            return;
        }
        MediaTerms terms = sdp.read(reinvite.body());
        if (!(terms instanceof MediaTerms.Agreed agreed)) {
            context.metrics().incompatible();
            reply(transaction, reinvite, 488, "Not Acceptable Here", "Warning", warning());
            return;
        }
        session.connect(agreed.remote());
        WireMessage ok = withSdp(reinvite, 200, "OK", sdp.answer(agreed, session.localRtp()));
        transaction.sendResponse(ok);
        awaitAck(ok, reinvite.cseqNumber());
    }

    /** A CANCEL of the INVITE (section 9.2): before the answer it ends the call with 487. */
    @Override
    public void cancelled() {
        if (state == State.PREPARING || state == State.EARLY) {
            reject(487, "Request Terminated", CallRecord.Result.CANCELLED);
        }
    }

    @Override
    public void transportError() {
        if (state == State.PREPARING || state == State.EARLY) {
            end(CallRecord.Result.FAILED, 0);
        }
    }

    private void awaitAck(WireMessage answer, long cseq) {
        unacknowledged = new AnswerRetransmitter(context.scheduler(), context.timers(), flow, answer, cseq,
                this::notAcknowledged);
        unacknowledged.start();
    }

    /** No ACK within 64*T1 (section 13.3.1.4): the dialog is ended with a BYE. */
    private void notAcknowledged() {
        unacknowledged = null;
        log.debug("call {}: 2xx never acknowledged; hanging up", invite.callId());
        hangUp();
    }

    // ---- endings ----

    /** vpbx ends the confirmed dialog: a BYE of its own, then the record. */
    private void hangUp() {
        if (state == State.ENDED) {
            closeMedia();
            return;
        }
        sendBye();
        end(CallRecord.Result.ANSWERED, 200);
    }

    /** A final response other than 2xx to the INVITE, and the call's end. */
    private void reject(int status, String reason, CallRecord.Result result, String... headers) {
        server.sendResponse(WireMessage.response(Rewrites.response(invite, status, reason, localTag, headers), status, invite));
        end(result, status);
    }

    private void end(CallRecord.Result result, int status) {
        if (state == State.ENDED) {
            return;
        }
        state = State.ENDED;
        if (unacknowledged != null) {
            unacknowledged.stop();
            unacknowledged = null;
        }
        context.dialogs().remove(invite.callId(), this);
        call.ended(result, status, context.clock().instant());
        if (session != null && scriptRunning) {
            script.stop(session);
        } else {
            closeMedia();
        }
    }

    private void closeMedia() {
        if (session != null) {
            session.close();
        }
    }

    /**
     * vpbx's BYE (section 15.1.1), built as a UAC within the dialog builds it (section 12.2.1.1): to the caller's
     * Contact, the INVITE's Record-Route as the route set in order (section 12.1.1), our own CSeq space, sent on the
     * flow the INVITE came by (the caller, or the proxy in front of it).
     */
    private void sendBye() {
        String target = Addresses.uri(invite.first(HeaderId.CONTACT));
        StringBuilder out = new StringBuilder(512);
        out.append("BYE ").append(target == null ? "sip:invalid" : target).append(" SIP/2.0\r\n");
        out.append("Via: ").append(context.network().viaPrefix(flow.transport())).append(";branch=")
                .append(context.branches().get()).append("\r\n");
        for (String route : invite.values(HeaderId.RECORD_ROUTE)) {
            out.append("Route: ").append(route).append("\r\n");
        }
        out.append("Max-Forwards: 70\r\n");
        out.append("From: ").append(invite.to()).append(";tag=").append(localTag).append("\r\n");
        out.append("To: ").append(invite.from()).append("\r\n");
        out.append("Call-ID: ").append(invite.callId()).append("\r\n");
        out.append("CSeq: ").append(++localCseq).append(" BYE\r\n");
        out.append("Content-Length: 0\r\n\r\n");
        context.transactions().startClient(WireMessage.parse(out.toString().getBytes(StandardCharsets.ISO_8859_1)), flow);
    }

    private WireMessage withSdp(WireMessage request, int status, String reason, String body) {
        return WireMessage.response(Rewrites.responseWithSdp(request, status, reason, localTag, body, "Contact", contact,
                "Allow", ALLOW), status, request);
    }

    private void reply(ServerTransaction<WireMessage> transaction, WireMessage request, int status, String reason,
                       String... headers) {
        transaction.sendResponse(WireMessage.response(Rewrites.response(request, status, reason, localTag, headers),
                status, request));
    }

    /** RFC 3261 section 20.43: 305 Incompatible media format, naming us by our address. */
    private String warning() {
        String prefix = context.network().viaPrefix(flow.transport());
        return "305 " + prefix.substring(prefix.indexOf(' ') + 1) + " \"Incompatible media format\"";
    }
}
