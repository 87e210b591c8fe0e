package io.vpbx.admin.api;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id (the caller's X-Request-Id when it is sane) and echoes it in the response. */
final class RequestIdHandler implements Handler<RoutingContext> {
    static final String HEADER = "X-Request-Id";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,80}");

    @Override
    public void handle(RoutingContext rc) {
        String given = rc.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        rc.put(Exchange.REQUEST_ID_KEY, id);
        rc.response().putHeader(HEADER, id);
        rc.next();
    }
}
