package io.vpbx.admin.api;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.account.Principal;
import io.vpbx.admin.domain.people.AccessPolicy;
import io.vpbx.admin.domain.people.SessionSecrets;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.people.SessionService;
import io.vpbx.admin.service.accounts.Authenticator;
import io.vpbx.admin.service.RequestContext;
import java.util.Optional;
import java.util.Set;

/**
 * Requires {@code Authorization: Bearer <key>} or, without it, the console's session cookie, then applies the
 * caller's rate limit. An unknown, expired or revoked key and a missing one get the same 401. A source address with
 * too many failed authentications gets 429 with Retry-After before its key is even looked at, so the 429 says nothing
 * about the key. With the cookie, a change (POST, PUT, PATCH, DELETE) must carry the session's CSRF token in
 * {@code X-CSRF-Token}, and the person's role must allow it ({@link AccessPolicy}), else 403 (ADR 0030).
 */
final class AuthenticationHandler implements Handler<RoutingContext> {
    private static final String PREFIX = "Bearer ";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Authenticator authenticator;
    private final SessionService sessions;
    private final AccessPolicy access = new AccessPolicy();
    private final BlockingWork blocking;
    private final RateLimiter limiter;
    private final FailedAuthLimiter failures;
    private final Counter rejected;
    private final Counter throttled;

    AuthenticationHandler(Authenticator authenticator, SessionService sessions, BlockingWork blocking, RateLimiter limiter,
                          FailedAuthLimiter failures, MeterRegistry registry) {
        this.authenticator = authenticator;
        this.sessions = sessions;
        this.blocking = blocking;
        this.limiter = limiter;
        this.failures = failures;
        this.rejected = Counter.builder("vpbx_admin_auth_failures").tag("outcome", "rejected")
                .description("Admin API requests refused 401: no key, or an unknown, expired or revoked one").register(registry);
        this.throttled = Counter.builder("vpbx_admin_auth_failures").tag("outcome", "throttled")
                .description("Admin API requests refused 429 because their source failed authentication too often")
                .register(registry);
    }

    @Override
    public void handle(RoutingContext rc) {
        String source = rc.request().remoteAddress() == null ? "unknown" : rc.request().remoteAddress().host();
        long wait = failures.retryAfter(source);
        if (wait > 0) {
            throttled.increment();
            rc.fail(ApiException.tooManyFailedAuthentications(wait));
            return;
        }
        String header = rc.request().getHeader("Authorization");
        String sessionToken = header == null ? SessionCookie.token(rc) : null;
        if (sessionToken != null) {
            signedIn(rc, sessionToken);
            return;
        }
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            refuse(rc, source, "Bearer", "an API key is required: Authorization: Bearer <key>");
            return;
        }
        String secret = header.substring(PREFIX.length()).trim();
        Optional<Principal> remembered = authenticator.remembered(secret);
        if (remembered.isPresent()) {
            admit(rc, remembered.get());
            return;
        }
        blocking.run(() -> authenticator.authenticate(secret))
                .onSuccess(found -> {
                    if (found.isPresent()) {
                        admit(rc, found.get());
                    } else {
                        refuse(rc, source, "Bearer error=\"invalid_token\"", "the API key is not valid");
                    }
                })
                .onFailure(rc::fail);
    }

    /** A request with the session cookie: the session must be live, a change must carry its CSRF token and suit the role. */
    private void signedIn(RoutingContext rc, String token) {
        blocking.run(() -> sessions.authenticate(token))
                .onSuccess(found -> {
                    if (found.isEmpty()) {
                        rejected.increment();
                        SessionCookie.clear(rc);
                        rc.fail(ApiException.unauthorized("the session has ended or is not known; sign in again"));
                        return;
                    }
                    String method = rc.request().method().name();
                    if (!SAFE_METHODS.contains(method) && !SessionSecrets.csrfMatches(token, rc.request().getHeader(SessionCookie.CSRF_HEADER))) {
                        rc.fail(new ForbiddenException("a change made with the session cookie must carry the session's CSRF token in "
                                + SessionCookie.CSRF_HEADER));
                        return;
                    }
                    Principal principal = found.get().principal();
                    Optional<String> refusal = access.refusal(principal.userRole(), method, rc.normalizedPath(),
                            "true".equals(rc.request().getParam("dry_run")));
                    if (refusal.isPresent()) {
                        rc.fail(new ForbiddenException(refusal.get()));
                        return;
                    }
                    rc.put(SessionCookie.SIGNED_IN_KEY, found.get());
                    admit(rc, principal);
                })
                .onFailure(rc::fail);
    }

    private void refuse(RoutingContext rc, String source, String challenge, String detail) {
        failures.failed(source);
        rejected.increment();
        rc.response().putHeader("WWW-Authenticate", challenge);
        rc.fail(ApiException.unauthorized(detail));
    }

    private void admit(RoutingContext rc, Principal principal) {
        long wait = limiter.acquire(principal.rateKey());
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
