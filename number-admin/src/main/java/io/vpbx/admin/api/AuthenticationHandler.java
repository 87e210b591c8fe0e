package io.vpbx.admin.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.service.Authenticator;
import io.vpbx.admin.service.RequestContext;
import java.util.Optional;

/**
 * Requires {@code Authorization: Bearer <key>}, then applies the key's rate limit. An unknown key and a
 * missing one get the same 401.
 */
final class AuthenticationHandler implements Handler<RoutingContext> {
    private static final String PREFIX = "Bearer ";

    private final Authenticator authenticator;
    private final RateLimiter limiter;

    AuthenticationHandler(Authenticator authenticator, RateLimiter limiter) {
        this.authenticator = authenticator;
        this.limiter = limiter;
    }

    @Override
    public void handle(RoutingContext rc) {
        String header = rc.request().getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            rc.response().putHeader("WWW-Authenticate", "Bearer");
            rc.fail(ApiException.unauthorized("an API key is required: Authorization: Bearer <key>"));
            return;
        }
        String secret = header.substring(PREFIX.length()).trim();
        Optional<Principal> remembered = authenticator.remembered(secret);
        if (remembered.isPresent()) {
            admit(rc, remembered.get());
            return;
        }
        rc.vertx().executeBlocking(() -> authenticator.authenticate(secret), false)
                .onSuccess(found -> {
                    if (found.isPresent()) {
                        admit(rc, found.get());
                    } else {
                        rc.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                        rc.fail(ApiException.unauthorized("the API key is not valid"));
                    }
                })
                .onFailure(rc::fail);
    }

    private void admit(RoutingContext rc, Principal principal) {
        long wait = limiter.acquire(principal.keyId());
        if (wait > 0) {
            rc.response().putHeader("Retry-After", Long.toString(wait));
            rc.fail(ApiException.tooManyRequests(wait));
            return;
        }
        rc.put(Exchange.CONTEXT_KEY, new RequestContext(principal, rc.request().remoteAddress().host(),
                rc.get(Exchange.REQUEST_ID_KEY)));
        rc.next();
    }
}
