package io.vpbx.server;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.api.Exchange;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.sip.SipServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node, for the operator (docs/adr/0033): {@code GET /v1/node} (its name, whether it drains, calls under way)
 * and {@code POST /v1/node/drain}, which takes it out of service without stopping it, as SIGTERM does first: an
 * upgrade drains a node, waits for {@code active_calls} 0, then stops it. Operator key only (403 otherwise); mounted
 * on the admin router behind the /v1 authentication, so an unauthenticated call never gets here.
 */
final class NodeRoutes {
    private static final Logger log = LoggerFactory.getLogger(NodeRoutes.class);

    private final String nodeId;
    private final SipServer sip;

    NodeRoutes(String nodeId, SipServer sip) {
        this.nodeId = nodeId;
        this.sip = sip;
    }

    void mount(Router router) {
        router.get("/v1/node").handler(rc -> {
            if (operator(rc)) {
                answer(rc, 200);
            }
        });
        router.post("/v1/node/drain").handler(rc -> {
            if (operator(rc)) {
                RequestContext caller = Exchange.callerOf(rc);
                log.warn("node {} set draining by the operator (request {} from {})", nodeId, caller.requestId(), caller.sourceIp());
                sip.drain();
                answer(rc, 202);
            }
        });
    }

    private static boolean operator(RoutingContext rc) {
        RequestContext caller = Exchange.callerOf(rc);
        if (caller == null || !caller.principal().isOperator()) {
            rc.fail(new ForbiddenException("only the operator key may see or drain a node"));
            return false;
        }
        return true;
    }

    /** Calls under way are read on the SIP event loop: off the Vert.x loop. */
    private void answer(RoutingContext rc, int status) {
        rc.vertx().executeBlocking(sip::activeCalls).onComplete(calls -> rc.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("node_id", nodeId).put("draining", sip.draining())
                        .put("active_calls", calls.succeeded() ? calls.result() : -1).encode()));
    }
}
