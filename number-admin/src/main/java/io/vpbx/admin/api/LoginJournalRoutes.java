package io.vpbx.admin.api;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.people.LoginAttempt;
import io.vpbx.admin.service.people.LoginJournal;

/** /v1/login-journal: sign-in attempts, newest first, for the account's owners and admins (ADR 0030). */
final class LoginJournalRoutes implements Routes {
    private final LoginJournal journal;
    private final Exchange exchange;
    private final Query query;

    LoginJournalRoutes(LoginJournal journal, Exchange exchange, Query query) {
        this.journal = journal;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/login-journal").handler(Query.takes("account_id", "limit", "cursor")).handler(this::list);
    }

    private void list(RoutingContext rc) {
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        Long before = cursor == null ? null : id(cursor[0]);
        String accountId = query.text(rc, "account_id");
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), journal.page(exchange.context(rc), accountId, before, limit),
                limit, this::view, attempt -> Query.encodeCursor(Long.toString(attempt.id()))));
    }

    private com.fasterxml.jackson.databind.node.ObjectNode view(LoginAttempt attempt) {
        return exchange.mapper().createObjectNode()
                .put("id", attempt.id())
                .put("at", attempt.at().toString())
                .put("account_id", attempt.accountId())
                .put("user_id", attempt.userId())
                .put("email", attempt.email())
                .put("source_ip", attempt.sourceIp())
                .put("user_agent", attempt.userAgent())
                .put("outcome", attempt.outcome().wireName());
    }

    private static Long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("cursor", "is not a cursor returned by this API");
        }
    }
}
