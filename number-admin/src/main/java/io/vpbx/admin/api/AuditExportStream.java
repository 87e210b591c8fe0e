package io.vpbx.admin.api;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.service.audit.AuditService;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one audit export to the response as it is read: a page is read off the event loop, encoded,
 * written, and the next page is read only once the client has taken the previous one (drain), so an
 * export of any size holds one page in memory and no database connection while the client reads.
 * The status and headers go out before the first page; a failure after that can only cut the response.
 */
final class AuditExportStream {
    private static final Logger log = LoggerFactory.getLogger(AuditExportStream.class);

    private final RoutingContext rc;
    private final Exchange exchange;
    private final AuditService audit;
    private final AuditService.ExportPlan plan;
    private final AuditExportEncoder encoder;
    private final int pageSize;
    private long afterId = Long.MIN_VALUE;
    private long remaining;
    private boolean first = true;

    AuditExportStream(RoutingContext rc, Exchange exchange, AuditService audit, AuditService.ExportPlan plan,
                      AuditExportEncoder encoder, int pageSize) {
        this.rc = rc;
        this.exchange = exchange;
        this.audit = audit;
        this.plan = plan;
        this.encoder = encoder;
        this.pageSize = pageSize;
        this.remaining = plan.rows();
    }

    void start() {
        HttpServerResponse response = rc.response();
        response.setStatusCode(200)
                .setChunked(true)
                .putHeader("Content-Type", encoder.contentType())
                .putHeader("Content-Disposition", "attachment; filename=\"audit-events." + encoder.fileExtension() + "\"")
                .putHeader("X-Truncated", Boolean.toString(plan.truncated()))
                .write(encoder.start());
        readNext();
    }

    private void readNext() {
        if (rc.response().closed()) {
            return;
        }
        if (remaining == 0) {
            rc.response().end(encoder.end());
            return;
        }
        int limit = (int) Math.min(pageSize, remaining);
        exchange.offLoop(() -> audit.exportPage(plan, afterId, limit))
                .onSuccess(page -> write(page, limit))
                .onFailure(this::abort);
    }

    private void write(List<AuditChainEntry> page, int limit) {
        HttpServerResponse response = rc.response();
        if (response.closed()) {
            return;
        }
        Buffer buffer = Buffer.buffer();
        for (AuditChainEntry entry : page) {
            buffer.appendString(encoder.entry(entry, first));
            first = false;
        }
        remaining = page.size() < limit ? 0 : remaining - page.size();
        if (!page.isEmpty()) {
            afterId = page.get(page.size() - 1).id();
            response.write(buffer);
        }
        if (remaining > 0 && response.writeQueueFull()) {
            response.drainHandler(drained -> {
                response.drainHandler(null);
                readNext();
            });
        } else {
            readNext();
        }
    }

    private void abort(Throwable failure) {
        log.error("audit export cut after entry {}: {}", afterId, failure.getMessage(), failure);
        rc.response().reset();
    }
}
