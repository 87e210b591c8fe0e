package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditQuery;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.audit.ChainVerification;
import io.vpbx.admin.service.audit.AuditService;
import io.vpbx.admin.service.RequestContext;
import java.time.Instant;
import java.util.List;

/**
 * /v1/audit-events: who changed what, newest first, with filters; the check of its hash chain
 * (operator); and its export in id order as CSV or JSON for a regulator.
 */
final class AuditRoutes implements Routes {
    /** Entries read and written per step of an export. */
    private static final int EXPORT_PAGE = 1000;

    private final AuditService audit;
    private final Exchange exchange;
    private final Query query;

    AuditRoutes(AuditService audit, Exchange exchange, Query query) {
        this.audit = audit;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/audit-events/verify").handler(Query.takesNone()).handler(this::verify);
        router.get("/v1/audit-events/export").handler(Query.takes("format", "account_id", "since",
                "until")).handler(this::export);
        router.get("/v1/audit-events").handler(Query.takes("account_id", "resource_type", "resource_id", "action", "actor",
                "since", "until", "limit", "cursor")).handler(this::list);
    }

    private void verify(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> {
            ChainVerification result = audit.verify(exchange.context(rc));
            ObjectNode body = exchange.mapper().createObjectNode().put("ok", result.ok());
            if (result.ok()) {
                body.put("entries", result.entries()).put("last_hash", result.lastHash());
            } else {
                body.put("broken_at", result.brokenAt()).put("reason", result.reason());
            }
            return body;
        });
    }

    private void export(RoutingContext rc) {
        AuditExportEncoder encoder = AuditExportEncoder.named(query.text(rc, "format"), exchange.mapper());
        String accountId = query.text(rc, "account_id");
        Instant since = query.instant(rc, "since");
        Instant until = query.instant(rc, "until");
        if (since != null && until != null && !until.isAfter(since)) {
            throw new InvalidFieldException("until", "must be after since");
        }
        RequestContext ctx = exchange.context(rc);
        exchange.offLoop(() -> audit.planExport(ctx, accountId, since, until))
                .onSuccess(plan -> new AuditExportStream(rc, exchange, audit, plan, encoder, EXPORT_PAGE).start())
                .onFailure(rc::fail);
    }

    private void list(RoutingContext rc) {
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        Long beforeId;
        try {
            beforeId = cursor == null ? null : Long.parseLong(cursor[0]);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("cursor", "is not a cursor returned by this API");
        }
        AuditQuery auditQuery = new AuditQuery(query.text(rc, "account_id"), query.text(rc, "resource_type"),
                query.text(rc, "resource_id"), query.text(rc, "action"), query.text(rc, "actor"),
                query.instant(rc, "since"), query.instant(rc, "until"), beforeId, limit);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), audit.query(exchange.context(rc), auditQuery), limit,
                this::view, event -> Query.encodeCursor(Long.toString(event.id()))));
    }

    private ObjectNode view(AuditEvent event) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", event.id())
                .put("at", event.at().toString())
                .put("account_id", event.accountId())
                .put("actor", event.actor())
                .put("source_ip", event.sourceIp())
                .put("request_id", event.requestId())
                .put("action", event.action())
                .put("resource_type", event.resourceType())
                .put("resource_id", event.resourceId());
        putChanges(node, event.changes());
        return node;
    }

    /** Field-level changes as the audit log shows them, also in a bulk change's diff: field, before, after. */
    static void putChanges(ObjectNode node, List<FieldChange> changes) {
        ArrayNode array = node.putArray("changes");
        changes.forEach(change -> {
            ObjectNode c = array.addObject().put("field", change.field());
            c.set("before", change.before());
            c.set("after", change.after());
        });
    }
}
