package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.contact.OutboxMessage;
import io.vpbx.admin.service.contacts.DevOutbox;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import java.util.List;

/**
 * /v1/dev/sms-outbox and /v1/dev/email-outbox: what the development gateways would have sent, newest
 * first, for the operator in development (404 when contact.sms-outbox-readable is off). A message that
 * carries a one-time code gives it as {@code code} beside the text, so that scripts need not parse words.
 */
final class DevOutboxRoutes implements Routes {
    private final DevOutbox outbox;
    private final NumberInputs inputs;
    private final Exchange exchange;
    private final Query query;

    DevOutboxRoutes(DevOutbox outbox, NumberInputs inputs, Exchange exchange, Query query) {
        this.outbox = outbox;
        this.inputs = inputs;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/dev/sms-outbox").handler(Query.takes("to", "limit")).handler(this::sms);
        router.get("/v1/dev/email-outbox").handler(Query.takes("to", "limit")).handler(this::email);
    }

    private void sms(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String to = query.text(rc, "to");
        String phone = to == null ? null : inputs.one("to", to);
        exchange.blocking(rc, 200, () -> page(outbox.sms(ctx, phone, limit)));
    }

    private void email(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String to = query.text(rc, "to");
        exchange.blocking(rc, 200, () -> page(outbox.email(ctx, to, limit)));
    }

    private ObjectNode page(List<OutboxMessage> messages) {
        ObjectNode body = exchange.mapper().createObjectNode();
        ArrayNode items = body.putArray("items");
        for (OutboxMessage message : messages) {
            ObjectNode item = items.addObject().put("id", message.id()).put("to", message.to());
            if (message.subject() != null) {
                item.put("subject", message.subject());
            }
            item.put("body", message.body()).put("code", message.code().orElse(null))
                    .put("created_at", message.createdAt().toString());
            if (message.attachmentName() != null) {
                item.putObject("attachment").put("name", message.attachmentName()).put("size", message.attachmentSize());
            }
        }
        return body;
    }
}
