package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.compliance.Consent;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.EndUserFields;
import io.vpbx.admin.service.compliance.Consents;
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
    private final Consents consents;
    private final Exchange exchange;

    EndUserRoutes(EndUserService endUsers, Consents consents, Exchange exchange, Query query) {
        this.consents = consents;
        this.resource = new ResourceRoutes<>("/v1/end-users", endUsers, EndUserService.Draft.class, EndUser::id, this::view,
                this::listed, exchange, query);
        this.endUsers = endUsers;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        resource.mount(router);
        router.post("/v1/end-users/:id/document-status").handler(Query.takesNone()).handler(this::setDocumentStatus);
        router.post("/v1/end-users/:id/consents").handler(Query.takesNone()).handler(this::giveConsent);
        router.get("/v1/end-users/:id/consents").handler(Query.takesNone()).handler(this::listConsents);
        router.post("/v1/end-users/:id/consents/withdraw").handler(Query.takesNone()).handler(this::withdraw);
        router.get("/v1/end-users/:id/export").handler(Query.takesNone()).handler(this::export);
    }

    private void giveConsent(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(consents.give(ctx, rc.pathParam("id"), exchange.body(rc, Consents.Given.class))));
    }

    private void listConsents(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            consents.list(ctx, rc.pathParam("id")).forEach(consent -> items.add(view(consent)));
            return body;
        });
    }

    /** Withdrawal releases the end user's numbers; the answer lists them. */
    private void withdraw(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            ObjectNode body = exchange.mapper().createObjectNode();
            consents.withdraw(ctx, rc.pathParam("id")).forEach(body.putArray("released_numbers")::add);
            return body;
        });
    }

    /** Everything held about the end user (document numbers masked, file contents by their own download). */
    private void export(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            Consents.Export export = consents.export(ctx, rc.pathParam("id"));
            ObjectNode body = exchange.mapper().createObjectNode();
            body.set("end_user", view(export.endUser()));
            ArrayNode consentItems = body.putArray("consents");
            export.consents().forEach(consent -> consentItems.add(view(consent)));
            ArrayNode numbers = body.putArray("numbers");
            export.bindings().forEach(b -> numbers.addObject().put("number", b.e164()).put("status", b.status().wireName())
                    .put("bound_at", b.boundAt().toString()));
            ArrayNode files = body.putArray("files");
            export.files().forEach(f -> files.addObject().put("id", f.id()).put("purpose", f.purpose().wireName())
                    .put("content_type", f.type().mediaType()).put("size_bytes", f.sizeBytes())
                    .put("expires_on", text(f.expiresOn())).put("created_at", f.createdAt().toString()));
            return body;
        });
    }

    /** A list shows who, not their particulars: initials of the name, no birth date, no address. */
    private ObjectNode listed(EndUser u) {
        ObjectNode item = view(u);
        item.put("full_name", initials(u.fullName()));
        item.putNull("birth_date");
        item.putNull("address");
        return item;
    }

    /** "Ivan Petrov" becomes "I*** P*****"; an anonymized name stays as it is. */
    static String initials(String name) {
        if (name == null || name.isEmpty()) {
            return name;
        }
        StringBuilder masked = new StringBuilder(name.length());
        boolean wordStart = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            masked.append(Character.isWhitespace(c) || wordStart ? c : '*');
            wordStart = Character.isWhitespace(c);
        }
        return masked.toString();
    }

    private ObjectNode view(Consent c) {
        return exchange.mapper().createObjectNode()
                .put("id", c.id())
                .put("text_version", c.textVersion())
                .put("channel", c.channel().wireName())
                .put("given_at", c.givenAt().toString())
                .put("withdrawn_at", text(c.withdrawnAt()));
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
