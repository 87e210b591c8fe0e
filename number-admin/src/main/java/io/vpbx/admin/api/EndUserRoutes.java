package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.EndUserFields;
import io.vpbx.admin.service.EndUserService;
import io.vpbx.admin.service.IdentityDocuments;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * /v1/end-users: who answers for an account's numbers. Document numbers are written, never read back:
 * answers show them masked. The operator records document verdicts under /document-status.
 */
final class EndUserRoutes implements Routes {
    private final EndUserService endUsers;
    private final Exchange exchange;
    private final Query query;

    EndUserRoutes(EndUserService endUsers, Exchange exchange, Query query) {
        this.endUsers = endUsers;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/end-users").handler(Query.takesNone()).handler(this::create);
        router.get("/v1/end-users").handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get("/v1/end-users/:id").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/end-users/:id").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/end-users/:id").handler(Query.takesNone()).handler(this::delete);
        router.post("/v1/end-users/:id/document-status").handler(Query.takesNone()).handler(this::setDocumentStatus);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(endUsers.create(ctx, exchange.body(rc, EndUserService.Draft.class))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> {
            List<EndUser> page = endUsers.list(ctx, cursor == null ? null : cursor[0], limit);
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(endUser -> items.add(view(endUser)));
            body.put("next_cursor", page.size() == limit ? Query.encodeCursor(page.get(page.size() - 1).id()) : null);
            return body;
        });
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(endUsers.get(ctx, rc.pathParam("id"))));
    }

    /** JSON merge-patch: the fields present change; document and agent are replaced whole; unknown fields are refused. */
    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            EndUserService.Draft values = exchange.mapper().treeToValue(body, EndUserService.Draft.class);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            return view(endUsers.update(ctx, rc.pathParam("id"), new Patch<>(fields, values)));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            endUsers.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private void setDocumentStatus(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(endUsers.setDocumentStatus(ctx, rc.pathParam("id"),
                exchange.body(rc, EndUserService.StatusChange.class))));
    }

    private ObjectNode view(EndUser u) {
        ObjectNode view = exchange.mapper().createObjectNode()
                .put("id", u.id())
                .put("kind", u.kind().wireName())
                .put("relation", u.relation() == null ? null : EndUserFields.wireName(u.relation()))
                .put("jurisdiction", u.jurisdiction().name())
                .put("full_name", u.fullName())
                .put("birth_date", text(u.birthDate()))
                .put("address", u.address())
                .put("contact_phone", u.contactPhone())
                .put("contact_email", u.contactEmail());
        view.putObject("document")
                .put("type", u.documentType())
                .put("number_masked", IdentityDocuments.masked(u.documentLast4()))
                .put("expires_on", text(u.documentExpiresOn()))
                .put("status", u.documentStatus().wireName())
                .put("status_reason", u.documentStatusReason());
        if (u.agentFullName() == null) {
            view.putNull("agent");
        } else {
            ObjectNode agent = view.putObject("agent").put("full_name", u.agentFullName());
            agent.putObject("document")
                    .put("type", u.agentDocumentType())
                    .put("number_masked", IdentityDocuments.masked(u.agentDocumentLast4()));
        }
        return view.put("authorization_letter", u.authorizationLetter())
                .put("last_number_released_at", text(u.lastNumberReleasedAt()))
                .put("anonymized_at", text(u.anonymizedAt()))
                .put("created_at", u.createdAt().toString())
                .put("updated_at", u.updatedAt().toString());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
