package io.vpbx.sip.proxy;

import io.vpbx.sip.DropReason;
import io.vpbx.sip.wire.RequestChecks;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.Via;
import io.vpbx.sip.wire.WireMessage;
import java.util.List;

/**
 * What passes this proxy without a transaction (RFC 3261 section 16.11): the ACK of a 2xx, relayed along our signed
 * route within its dialog only, and a 2xx retransmitted after its client transaction ended, passed upstream.
 */
final class StatelessRelay {
    private final ProxyContext context;
    private final DialogGate gate;
    private final ProxyMetrics metrics;

    StatelessRelay(ProxyContext context, DialogGate gate, ProxyMetrics metrics) {
        this.context = context;
        this.gate = gate;
        this.metrics = metrics;
    }

    /**
     * An ACK for a 2xx (it matches no transaction) and any request routed without state: pop our Route, send to
     * the next Route or the Request-URI with a derived branch.
     */
    void forward(WireMessage request, Flow source) {
        if ("ACK".equals(request.method())) {
            if (context.answers().toTag(request).equals(request.toTag())) {
                // the ACK of a final response we gave without a transaction (a 503 of overload control): ours to absorb
                return;
            }
            context.calls().acknowledged(request.callId());
        }
        if (request.maxForwardsValue() == 0) {
            return;
        }
        if (RequestChecks.check(request, false) != null) {
            metrics.dropped(DropReason.MALFORMED_ACK);
            return;
        }
        int popped = context.hops().ourRoutes(request);
        if (gate.check(request, popped, source.remote().getAddress()) != DialogGate.Verdict.RELAY) {
            metrics.dropped(DropReason.ACK_OUTSIDE_DIALOG);
            return;
        }
        SipUri next = context.hops().next(request, popped);
        if (next == null) {
            return;
        }
        Network network = context.network();
        network.flowTo(next, flow -> {
            if (flow == null) {
                return;
            }
            String via = network.viaPrefix(flow.transport()) + ";branch="
                    + context.branches().derived(request.topViaBranch(), request.method());
            flow.send(WireMessage.forwarded(Rewrites.forward(request, request.requestUri(), via, List.of(), popped,
                    Hops.received(request, source)), request, request.requestUri(), via));
        });
    }

    /** A response with no client transaction: a 2xx retransmission for a call we forwarded; send it on statelessly. */
    void strayResponse(WireMessage response) {
        Network network = context.network();
        Via top = response.topVia();
        if (top == null || !network.isUs(top.host(), top.port()) || !context.branches().isOurs(top.branch())) {
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
}
