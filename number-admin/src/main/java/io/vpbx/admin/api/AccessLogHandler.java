package io.vpbx.admin.api;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request with its request id, so a user's report ("request 3f2a... failed") leads
 * to the line. Changes are logged at INFO, reads at DEBUG (they are counted in metrics anyway).
 */
final class AccessLogHandler implements Handler<RoutingContext> {
    private static final Logger log = LoggerFactory.getLogger("vpbx.access");

    @Override
    public void handle(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addBodyEndHandler(done -> {
            boolean change = rc.request().method() != HttpMethod.GET && rc.request().method() != HttpMethod.HEAD;
            if (change ? log.isInfoEnabled() : log.isDebugEnabled()) {
                String line = "{} {} {} {} ms request={} from={}";
                Object[] args = {rc.request().method(), rc.request().path(), rc.response().getStatusCode(),
                        (System.nanoTime() - start) / 1_000_000, rc.get(Exchange.REQUEST_ID_KEY), rc.request().remoteAddress().host()};
                if (change) {
                    log.info(line, args);
                } else {
                    log.debug(line, args);
                }
            }
        });
        rc.next();
    }
}
