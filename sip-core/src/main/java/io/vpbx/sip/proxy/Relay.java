package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ClientTransaction;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.transaction.TransactionOwner;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.List;
import java.util.Optional;

/**
 * A request within a dialog (BYE, re-INVITE, UPDATE, INFO...) relayed statefully along its Route set
 * (RFC 3261 sections 16.4 and 16.6 with loose routing): one server transaction upstream, one client
 * transaction downstream, both owned by this relay; responses passed back. A BYE also finishes the call's record.
 */
final class Relay implements TransactionOwner<WireMessage> {
    private final ProxyContext context;
    private final ServerTransaction<WireMessage> server;
    private final WireMessage request;
    private WireMessage forwarded;
    private Flow flow;
    private boolean provisional;
    private boolean cancelWanted;

    Relay(ProxyContext context, ServerTransaction<WireMessage> server, WireMessage request) {
        this.context = context;
        this.server = server;
        this.request = request;
    }

    void start() {
        server.owner(this);
        Answers answers = context.answers();
        if (request.maxForwardsValue() == 0) {
            answers.reject(server, request, 483, "Too Many Hops");
            return;
        }
        int popped = context.hops().ourRoutes(request);
        SipUri next = context.hops().next(request, popped);
        if (next == null) {
            answers.reject(server, request, 416, "Unsupported URI Scheme");
            return;
        }
        if (context.network().isUs(next.host(), next.portOrDefault())) {
            // addressed to this proxy itself, which is no user agent: no such dialog here
            answers.reject(server, request, 481, "Call/Transaction Does Not Exist");
            return;
        }
        if ("BYE".equals(request.method())) {
            context.calls().hungUp(request.callId());
        }
        Flow inbound = (Flow) server.transport();
        context.network().flowTo(next, found -> {
            if (found == null) {
                answers.reject(server, request, 503, "Service Unavailable (next hop unreachable)");
                return;
            }
            String via = context.network().viaPrefix(found.transport()) + ";branch=" + context.branches().next();
            forwarded = WireMessage.forwarded(Rewrites.forward(request, request.requestUri(), via, List.of(), popped,
                    Hops.received(request, inbound)), request, request.requestUri(), via);
            Optional<ClientTransaction<WireMessage>> transaction = context.transactions().startClient(forwarded, found, this);
            if (transaction.isEmpty()) {
                answers.reject(server, request, 503, "Service Unavailable");
                return;
            }
            flow = found;
            if (!"INVITE".equals(request.method())) {
                // held by its transaction until Timer J; its headers are read again only for a response of ours
                request.compact();
            }
        });
    }

    @Override
    public void response(WireMessage response) {
        if (response.statusCode() < 200) {
            provisional = true;
            if (cancelWanted) {
                cancelled();
            }
            if (response.statusCode() == 100) {
                return;
            }
        }
        server.sendResponse(WireMessage.response(Rewrites.popVia(response), response.statusCode(), response));
        if (response.statusCode() >= 200 && !"INVITE".equals(request.method())) {
            // the server transaction only absorbs retransmissions from now on (Timer J): it need not keep this relay
            server.owner(TransactionOwner.none());
        }
    }

    @Override
    public void timeout() {
        failed(408);
    }

    @Override
    public void transportError() {
        failed(503);
    }

    private void failed(int code) {
        context.answers().reject(server, request, code, code == 408 ? "Request Timeout" : "Service Unavailable");
    }

    /** A CANCEL of a relayed re-INVITE: passed on once the next hop has answered provisionally. */
    @Override
    public void cancelled() {
        if (forwarded == null || !"INVITE".equals(request.method())) {
            return;
        }
        if (!provisional) {
            cancelWanted = true;
            return;
        }
        cancelWanted = false;
        context.transactions().startClient(WireMessage.parse(Rewrites.cancel(forwarded)), flow);
    }
}
