package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.ForwardingConsent;
import io.vpbx.admin.service.numbers.ForwardingConsents;
import io.vpbx.admin.service.NumberInputs;

/**
 * /v1/numbers/{number}/forwarding-consents: the accounts the number's holder allows to forward calls to it
 * ({@code platform_pbx}). Revoking one drops that account's forwardings to the number.
 */
final class ForwardingConsentRoutes implements Routes {
    private final ForwardingConsents consents;
    private final NumberInputs inputs;
    private final Exchange exchange;

    ForwardingConsentRoutes(ForwardingConsents consents, NumberInputs inputs, Exchange exchange) {
        this.consents = consents;
        this.inputs = inputs;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/numbers/:number/forwarding-consents").handler(Query.takesNone()).handler(this::list);
        router.post("/v1/numbers/:number/forwarding-consents").handler(Query.takesNone()).handler(this::grant);
        router.delete("/v1/numbers/:number/forwarding-consents/:account_id").handler(Query.takesNone()).handler(this::revoke);
    }

    private void list(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 200, () -> PageBody.items(exchange.mapper(), consents.list(exchange.context(rc), e164), this::view));
    }

    private void grant(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        exchange.blocking(rc, 201, () -> {
            JsonNode body = exchange.bodyTree(rc);
            body.fieldNames().forEachRemaining(name -> {
                if (!"account_id".equals(name)) {
                    throw new InvalidFieldException(name, "unknown field");
                }
            });
            JsonNode account = body.get("account_id");
            if (account == null || !account.isTextual()) {
                throw new InvalidFieldException("account_id", "must be the id (a string) of the account that may forward here");
            }
            return view(consents.grant(exchange.context(rc), e164, account.asText()));
        });
    }

    private void revoke(RoutingContext rc) {
        String e164 = inputs.one("number", rc.pathParam("number"));
        String accountId = rc.pathParam("account_id");
        exchange.blocking(rc, 204, () -> {
            consents.revoke(exchange.context(rc), e164, accountId);
            return null;
        });
    }

    private ObjectNode view(ForwardingConsent consent) {
        return exchange.mapper().createObjectNode()
                .put("number", consent.e164())
                .put("account_id", consent.allowedAccountId())
                .put("granted_at", consent.grantedAt().toString());
    }
}
