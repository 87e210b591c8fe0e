package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.service.people.SignInRefusedException;
import io.vpbx.admin.service.people.SignInService;
import io.vpbx.admin.service.people.Invitations;
import java.util.concurrent.Callable;

/**
 * What a person does before having a session, mounted ahead of authentication (ADR 0030): {@code POST /v1/session}
 * (e-mail and password: a code goes to the contact phone), {@code POST /v1/session/verify} (the code: the session
 * cookie is set) and {@code POST /v1/invitations/{token}/accept} (choosing a password through an invitation link).
 */
final class SignInRoutes implements Routes {
    record Credentials(String email, String password) {
        @Override
        public String toString() {
            return "Credentials[" + email + "]";
        }
    }

    record CodeGiven(String challengeId, String code) {
    }

    record Acceptance(String password, String name, String contactPhone) {
        @Override
        public String toString() {
            return "Acceptance[" + name + "]";
        }
    }

    private final SignInService signIn;
    private final Invitations invitations;
    private final Exchange exchange;

    SignInRoutes(SignInService signIn, Invitations invitations, Exchange exchange) {
        this.signIn = signIn;
        this.invitations = invitations;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/session").handler(Query.takesNone()).handler(this::start);
        router.post("/v1/session/verify").handler(Query.takesNone()).handler(this::verify);
        router.post("/v1/invitations/:token/accept").handler(Query.takesNone()).handler(this::accept);
    }

    private void start(RoutingContext rc) {
        SignInService.Client client = client(rc);
        exchange.blocking(rc, 200, refusals(() -> {
            Credentials given = exchange.body(rc, Credentials.class);
            SignInService.Challenge challenge = signIn.start(given.email(), given.password(), client);
            return exchange.mapper().createObjectNode().put("challenge_id", challenge.challengeId()).put("second_factor", "sms")
                    .put("phone_hint", challenge.phoneHint());
        }));
    }

    private void verify(RoutingContext rc) {
        SignInService.Client client = client(rc);
        exchange.offLoop(refusals(() -> {
                    CodeGiven given = exchange.body(rc, CodeGiven.class);
                    return signIn.verify(given.challengeId(), given.code(), client);
                }))
                .onSuccess(begun -> {
                    SessionCookie.set(rc, begun.token());
                    ObjectNode body = exchange.mapper().createObjectNode();
                    body.set("user", UserRoutes.sessionView(exchange.mapper(), begun.user()));
                    body.put("csrf_token", SessionSecrets.csrfToken(begun.token()));
                    body.put("session_id", begun.session().id());
                    body.put("expires_at", begun.session().expiresAt().toString());
                    exchange.json(rc, 200, body);
                })
                .onFailure(rc::fail);
    }

    private void accept(RoutingContext rc) {
        String token = rc.pathParam("token");
        String source = client(rc).sourceIp();
        String requestId = rc.get(Exchange.REQUEST_ID_KEY);
        exchange.blocking(rc, 201, () -> {
            Acceptance given = exchange.body(rc, Acceptance.class);
            return UserRoutes.view(exchange.mapper(), invitations.accept(token, given.password(), given.name(), given.contactPhone(), source,
                    requestId));
        });
    }

    private static SignInService.Client client(RoutingContext rc) {
        String source = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().host();
        return new SignInService.Client(source, rc.request().getHeader("User-Agent"), rc.get(Exchange.REQUEST_ID_KEY));
    }

    /** Sign-in refusals as the API answers them: 401 alike for any wrong credential, 429 with Retry-After when waiting. */
    private static <T> Callable<T> refusals(Callable<T> work) {
        return () -> {
            try {
                return work.call();
            } catch (SignInRefusedException refused) {
                if (refused.retryAfterSeconds() > 0) {
                    throw new ApiException(429, null, refused.getMessage(), refused.retryAfterSeconds());
                }
                throw ApiException.unauthorized(refused.getMessage());
            }
        };
    }
}
