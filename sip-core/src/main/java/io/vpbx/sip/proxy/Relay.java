package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ClientTransaction;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import java.util.List;
import java.util.Optional;

/**
 * A request within a dialog (BYE, re-INVITE, UPDATE, INFO...) relayed statefully along its Route set
 * (RFC 3261 sections 16.4 and 16.6 with loose routing): one server transaction upstream, one client
 * transaction downstream, responses passed back. A BYE also finishes the call's record.
 */
final class Relay {
    private final ProxyCore core;
    private final ServerTransaction<WireMessage> server;
    private final WireMessage request;
    private WireMessage forwarded;
    private Flow flow;
    private boolean provisional;
    private boolean cancelWanted;

    Relay(ProxyCore core, ServerTransaction<WireMessage> server, WireMessage request) {
        this.core = core;
        this.server = server;
        this.request = request;
    }

    void start() {
        server.attach(this);
        if (request.maxForwardsValue() == 0) {
            core.reject(server, request, 483, "Too Many Hops");
            return;
        }
        int popped = core.ourRoutes(request);
        SipUri next = core.nextHop(request, popped);
        if (next == null) {
            core.reject(server, request, 416, "Unsupported URI Scheme");
            return;
        }
        if (core.network().isUs(next.host(), next.portOrDefault())) {
            // addressed to this proxy itself, which is no user agent: no such dialog here
            core.reject(server, request, 481, "Call/Transaction Does Not Exist");
            return;
        }
        if ("BYE".equals(request.method())) {
            CallRecord record = core.dialogs().end(request.callId(), core.clock().instant());
            if (record != null) {
                core.ended(record);
            }
        }
        Flow inbound = (Flow) server.transport();
        core.network().flowTo(next, found -> {
            if (found == null) {
                core.reject(server, request, 503, "Service Unavailable (next hop unreachable)");
                return;
            }
            String via = core.network().viaPrefix(found.transport()) + ";branch=" + core.branches().next();
            forwarded = WireMessage.forwarded(Rewrites.forward(request, request.requestUri(), via, List.of(), popped,
                    core.received(request, inbound)), request, request.requestUri(), via);
            Optional<ClientTransaction<WireMessage>> transaction = core.transactions().startClient(forwarded, found);
            if (transaction.isEmpty()) {
                core.reject(server, request, 503, "Service Unavailable");
                return;
            }
            flow = found;
            transaction.get().attach(this);
            if (!"INVITE".equals(request.method())) {
                // held by its transaction until Timer J; its headers are read again only for a response of ours
                request.compact();
            }
        });
    }

    void response(WireMessage response) {
        if (response.statusCode() < 200) {
            provisional = true;
            if (cancelWanted) {
                cancel();
            }
            if (response.statusCode() == 100) {
                return;
            }
        }
        server.sendResponse(WireMessage.response(Rewrites.popVia(response), response.statusCode(), response));
        if (response.statusCode() >= 200 && !"INVITE".equals(request.method())) {
            // the server transaction only absorbs retransmissions from now on (Timer J): it need not keep this relay
            server.attach(null);
        }
    }

    void failed(int code) {
        core.reject(server, request, code, code == 408 ? "Request Timeout" : "Service Unavailable");
    }

    /** A CANCEL of a relayed re-INVITE: passed on once the next hop has answered provisionally. */
    void cancel() {
        if (forwarded == null || !"INVITE".equals(request.method())) {
            return;
        }
        if (!provisional) {
            cancelWanted = true;
            return;
        }
        cancelWanted = false;
        core.transactions().startClient(WireMessage.parse(Rewrites.cancel(forwarded)), flow);
    }
}
