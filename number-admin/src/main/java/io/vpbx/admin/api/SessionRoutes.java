package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.domain.people.UserSession;
import io.vpbx.admin.service.people.SessionService;

/**
 * The session of the person signed in (ADR 0030): {@code GET /v1/session} answers who it is with the CSRF token the
 * console sends with every change, {@code DELETE /v1/session} signs out and clears the cookie; {@code /v1/sessions}
 * lists the person's live sessions and ends one of them (a browser left signed in elsewhere).
 */
final class SessionRoutes implements Routes {
    private final SessionService sessions;
    private final Exchange exchange;

    SessionRoutes(SessionService sessions, Exchange exchange) {
        this.sessions = sessions;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/session").handler(Query.takesNone()).handler(this::current);
        router.delete("/v1/session").handler(Query.takesNone()).handler(this::signOut);
        router.get("/v1/sessions").handler(Query.takesNone()).handler(this::list);
        router.delete("/v1/sessions/:id").handler(Query.takesNone()).handler(this::revoke);
    }

    private void current(RoutingContext rc) {
        SessionService.SignedIn signedIn = required(rc);
        if (signedIn == null) {
            return;
        }
        ObjectNode body = exchange.mapper().createObjectNode();
        body.set("user", UserRoutes.sessionView(exchange.mapper(), signedIn.user()));
        body.put("csrf_token", SessionSecrets.csrfToken(SessionCookie.token(rc)));
        body.put("session_id", signedIn.session().id());
        body.put("expires_at", signedIn.session().expiresAt().toString());
        exchange.json(rc, 200, body);
    }

    private void signOut(RoutingContext rc) {
        SessionService.SignedIn signedIn = required(rc);
        if (signedIn == null) {
            return;
        }
        exchange.offLoop(() -> {
                    sessions.signOut(exchange.context(rc), signedIn.session().id());
                    return null;
                })
                .onSuccess(done -> {
                    SessionCookie.clear(rc);
                    exchange.json(rc, 204, null);
                })
                .onFailure(rc::fail);
    }

    private void list(RoutingContext rc) {
        SessionService.SignedIn signedIn = rc.get(SessionCookie.SIGNED_IN_KEY);
        String current = signedIn == null ? null : signedIn.session().id();
        exchange.blocking(rc, 200, () -> PageBody.items(exchange.mapper(), sessions.mine(exchange.context(rc)),
                session -> view(session, current)));
    }

    private void revoke(RoutingContext rc) {
        exchange.blocking(rc, 204, () -> {
            sessions.revoke(exchange.context(rc), rc.pathParam("id"));
            return null;
        });
    }

    private ObjectNode view(UserSession session, String current) {
        return exchange.mapper().createObjectNode()
                .put("id", session.id())
                .put("current", session.id().equals(current))
                .put("created_at", session.createdAt().toString())
                .put("last_seen_at", session.lastSeenAt().toString())
                .put("expires_at", session.expiresAt().toString())
                .put("source_ip", session.sourceIp())
                .put("user_agent", session.userAgent());
    }

    /** The request's session; without one (an API key) the answer is 401 and null is returned. */
    private static SessionService.SignedIn required(RoutingContext rc) {
        SessionService.SignedIn signedIn = rc.get(SessionCookie.SIGNED_IN_KEY);
        if (signedIn == null) {
            rc.fail(ApiException.unauthorized("no session: sign in at POST /v1/session"));
        }
        return signedIn;
    }
}
