package io.vpbx.admin.api;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's session cookie (ADR 0030): {@code vpbx_session}, HttpOnly so that no script reads it, SameSite=Strict
 * so that no other site's page sends it, Secure when the request came over TLS, for the whole admin port, ending
 * with the browser (the server ends it sooner: idle and absolute limits). Changes need {@value #CSRF_HEADER} too.
 */
final class SessionCookie {
    static final String NAME = "vpbx_session";
    static final String CSRF_HEADER = "X-CSRF-Token";
    /** Where the authentication handler leaves the request's session, when it came with the cookie. */
    static final String SIGNED_IN_KEY = "vpbx.signed-in";

    private SessionCookie() {
    }

    /** The cookie's token, or null. */
    static String token(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(NAME);
        return cookie == null ? null : cookie.getValue();
    }

    static void set(RoutingContext rc, String token) {
        rc.response().addCookie(Cookie.cookie(NAME, token).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(rc.request().isSSL()));
    }

    static void clear(RoutingContext rc) {
        rc.response().addCookie(Cookie.cookie(NAME, "").setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(rc.request().isSSL()).setMaxAge(0));
    }
}
