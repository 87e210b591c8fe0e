package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.EndUserFields;
import io.vpbx.admin.service.compliance.EndUserService;
import io.vpbx.admin.service.compliance.IdentityDocuments;
import io.vpbx.admin.service.RequestContext;
import java.time.Instant;
import java.time.LocalDate;

/**
 * /v1/end-users: who answers for an account's numbers. Document numbers are written, never read back:
 * answers show them masked. The operator records document verdicts under /document-status.
 * PATCH is a JSON merge-patch: the fields present change; document and agent are replaced whole; unknown fields are refused.
 */
final class EndUserRoutes implements Routes {
    private final ResourceRoutes<EndUser, EndUserService.Draft> resource;
    private final EndUserService endUsers;
    private final Exchange exchange;

    EndUserRoutes(EndUserService endUsers, Exchange exchange, Query query) {
        this.resource = new ResourceRoutes<>("/v1/end-users", endUsers, EndUserService.Draft.class, EndUser::id, this::view,
                exchange, query);
        this.endUsers = endUsers;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        resource.mount(router);
        router.post("/v1/end-users/:id/document-status").handler(Query.takesNone()).handler(this::setDocumentStatus);
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
                    .put("number_masked", IdentityDocuments.masked(u.agentDocumentLast4()))
                    .put("expires_on", text(u.agentDocumentExpiresOn()));
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
