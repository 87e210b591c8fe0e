package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.limits.AccountLimits;
import io.vpbx.admin.domain.limits.LimitSettingsPatch;
import io.vpbx.admin.service.accounts.AccountLimitService;

/**
 * /v1/accounts/{id}/limits: the limits in force for an account (read by the operator and the account itself) and
 * the operator's merge-patch changing them; {@code operator_set} lists the limits that do not follow the defaults.
 */
final class AccountLimitRoutes implements Routes {
    private final AccountLimitService limits;
    private final Exchange exchange;

    AccountLimitRoutes(AccountLimitService limits, Exchange exchange) {
        this.limits = limits;
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/accounts/:id/limits").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/accounts/:id/limits").handler(Query.takesNone()).handler(this::patch);
    }

    private void get(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> view(rc.pathParam("id"), limits.get(exchange.context(rc), rc.pathParam("id"))));
    }

    private void patch(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> view(rc.pathParam("id"),
                limits.patch(exchange.context(rc), rc.pathParam("id"), exchange.bodyTree(rc))));
    }

    private ObjectNode view(String accountId, AccountLimitService.LimitsView view) {
        AccountLimits in = view.effective();
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("account_id", accountId)
                .put("max_reserved_numbers", in.maxReservedNumbers())
                .put("purchases_per_hour", in.purchasesPerHour())
                .put("purchases_per_day", in.purchasesPerDay())
                .put("concurrent_calls", in.concurrentCalls())
                .put("calls_per_minute", in.callsPerMinute())
                .put("max_call_seconds", in.maxCallDuration().toSeconds())
                .put("allow_international", in.allowInternational())
                .put("allow_premium", in.allowPremium());
        in.allowedPrefixes().forEach(node.putArray("allowed_prefixes")::add);
        var set = node.putArray("operator_set");
        LimitSettingsPatch.fields(view.settings()).forEach((name, value) -> {
            if (value != null) {
                set.add(name);
            }
        });
        return node;
    }
}
