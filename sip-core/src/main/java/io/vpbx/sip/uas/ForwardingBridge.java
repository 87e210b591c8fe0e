package io.vpbx.sip.uas;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vpbx.media.AudioClip;
import io.vpbx.media.tone.Tones;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.WireMessage;
import java.util.function.Consumer;

/**
 * vpbx's {@link ScenarioForwarding}: a scenario's {@code forward} step becomes a {@link BridgedCall} that rings the
 * target found by {@link BridgeTargets} and bridges it to the caller. Built by the proxy ({@code ProxyCore}) and
 * handed to {@link LocalAnswering}, which gives it the proxy's network and transactions; the callee's requests come
 * back through {@link #takeRequest}. On the SIP event loop. Why a B2BUA with a media relay: docs/adr/0027-b2bua-bridge.md.
 */
public final class ForwardingBridge implements ScenarioForwarding {
    private final BridgeTargets targets;
    private final LocalDialogs<BridgedCall> dialogs = new LocalDialogs<>();
    private final MeterRegistry registry;
    private final AudioClip ringback = Tones.ringback();
    private UasContext context;

    public ForwardingBridge(BridgeTargets targets, MeterRegistry registry) {
        this.targets = targets;
        this.registry = registry;
    }

    /** The context the calls use (set once by {@link LocalAnswering}, whose context holds this bridge). */
    void context(UasContext uas) {
        this.context = uas;
    }

    @Override
    public Forwarding forward(BridgeRequest request, Consumer<ForwardOutcome> done) {
        BridgedCall call = new BridgedCall(context, dialogs, request, ringback, outcome -> {
            counted(outcome);
            done.accept(outcome);
        });
        String refused = targets.refusal(request.call().accountId(), request.call().number(), request.target());
        if (refused != null) {
            call.refused(refused);
            return call;
        }
        call.start(targets.steps(request.call().accountId(), request.target(),
                (int) Math.max(1, request.ringTimeout().toSeconds()), context.clock().instant()));
        return call;
    }

    /** A request within a callee's dialog: taken, true; anything else is not the bridge's. */
    boolean takeRequest(ServerTransaction<WireMessage> transaction, WireMessage request) {
        BridgedCall call = dialogs.within(request);
        if (call == null) {
            return false;
        }
        call.request(transaction, request);
        return true;
    }

    /**
     * A response that matched no client transaction: a callee's 2xx repeated because our ACK was lost (the INVITE's
     * transaction ends with the first 2xx, RFC 3261 section 17.1.1.2); taken, true.
     */
    boolean takeResponse(WireMessage response) {
        BridgedCall call = dialogs.answering(response);
        if (call == null) {
            return false;
        }
        call.repeatedAnswer(response);
        return true;
    }

    /**
     * {@code vpbx.sip.bridge.forwards} by outcome: bridged, busy, no_answer, failed, caller_left, nobody_to_ring,
     * destination_refused, no_media_port.
     */
    private void counted(ForwardOutcome outcome) {
        String tag = switch (outcome) {
            case ForwardOutcome.Bridged bridged -> "bridged";
            case ForwardOutcome.NotAnswered missed -> missed.why();
        };
        Counter.builder("vpbx.sip.bridge.forwards").tag("outcome", tag)
                .description("scenario forwards, by how they ended").register(registry).increment();
    }

    int active() {
        return dialogs.size();
    }
}
