package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.contact.ContactHolderKind;
import io.vpbx.admin.domain.contact.ContactPhoneChange;
import io.vpbx.admin.service.contacts.ContactPhoneChanges;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.ContactChangeStore;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * /v1/contact-phone-changes: a holder's contact phone changes with a code from the old phone and one from
 * the new; the operator may vouch for a holder who lost the old phone. Answers show phones masked and
 * never a code or its hash.
 */
final class ContactPhoneRoutes implements Routes {
    record OperatorVerification(String note) {
    }

    private final ContactPhoneChanges changes;
    private final Exchange exchange;
    private final Query query;

    ContactPhoneRoutes(ContactPhoneChanges changes, Exchange exchange, Query query) {
        this.changes = changes;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/contact-phone-changes").handler(Query.takesNone()).handler(this::start);
        router.get("/v1/contact-phone-changes").handler(Query.takes("holder", "end_user_id", "account_id", "limit",
                "cursor")).handler(this::history);
        router.post("/v1/contact-phone-changes/:id/confirm").handler(Query.takesNone()).handler(this::confirm);
        router.post("/v1/contact-phone-changes/:id/operator-verification").handler(Query.takesNone()).handler(this::verify);
    }

    private void start(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> {
            ContactPhoneChange change = changes.start(ctx, exchange.body(rc, ContactPhoneChanges.Start.class));
            ObjectNode body = view(change);
            if (change.flagged()) {
                body.put("warning", ContactPhoneChanges.REPEAT_WARNING);
            }
            return body;
        });
    }

    private void confirm(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(changes.confirm(ctx, rc.pathParam("id"),
                exchange.body(rc, ContactPhoneChanges.Confirmation.class))));
    }

    private void verify(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(changes.verifyByOperator(ctx, rc.pathParam("id"),
                exchange.body(rc, OperatorVerification.class).note())));
    }

    private void history(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String holder = query.text(rc, "holder");
        ContactPhoneChanges.HistoryQuery history = new ContactPhoneChanges.HistoryQuery(query.text(rc, "account_id"),
                holder == null ? ContactHolderKind.ACCOUNT.wireName() : holder, query.text(rc, "end_user_id"), cursor(rc), limit);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), changes.history(ctx, history), limit, this::view,
                last -> Query.encodeCursor(last.createdAt().toString(), last.id())));
    }

    private ContactChangeStore.Cursor cursor(RoutingContext rc) {
        String[] parts = query.cursor(rc, 2);
        if (parts == null) {
            return null;
        }
        try {
            return new ContactChangeStore.Cursor(Instant.parse(parts[0]), parts[1]);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("cursor", "is not a cursor returned by this API");
        }
    }

    private ObjectNode view(ContactPhoneChange change) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", change.id())
                .put("holder", change.holderKind().wireName());
        if (change.holderKind() == ContactHolderKind.END_USER) {
            node.put("end_user_id", change.holderId());
        }
        return node.put("status", change.status().wireName())
                .put("old_phone", ContactPhoneChange.mask(change.oldPhone()))
                .put("new_phone", ContactPhoneChange.mask(change.newPhone()))
                .put("attempts_left", change.attemptsLeft())
                .put("expires_at", change.expiresAt().toString())
                .put("operator_verified", change.operatorVerified())
                .put("flagged", change.flagged())
                .put("flag_reason", change.flagReason())
                .put("created_at", change.createdAt().toString())
                .put("completed_at", change.completedAt() == null ? null : change.completedAt().toString());
    }
}
