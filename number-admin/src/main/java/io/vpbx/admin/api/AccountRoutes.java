package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.contact.EmailAddress;
import io.vpbx.admin.service.accounts.AccountService;
import io.vpbx.admin.service.NumberInputs;

/**
 * /v1/accounts: the operator creates businesses; the answer to a creation carries the first API key, once.
 * The contact phone given here is the first; changing it later takes /v1/contact-phone-changes.
 */
final class AccountRoutes implements Routes {
    record CreateAccount(String name, String contactPhone, String contactEmail) {
    }

    private final AccountService accounts;
    private final NumberInputs inputs;
    private final Exchange exchange;
    private final Query query;

    AccountRoutes(AccountService accounts, NumberInputs inputs, Exchange exchange, Query query) {
        this.accounts = accounts;
        this.inputs = inputs;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/accounts").handler(Query.takesNone()).handler(this::create);
        router.get("/v1/accounts").handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get("/v1/accounts/:id").handler(Query.takesNone()).handler(this::get);
    }

    private void create(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> {
            CreateAccount request = exchange.body(rc, CreateAccount.class);
            String phone = request.contactPhone() == null ? null : inputs.one("contact_phone", request.contactPhone());
            String email = request.contactEmail() == null ? null : EmailAddress.of("contact_email", request.contactEmail()).value();
            AccountService.CreatedAccount created = accounts.create(exchange.context(rc), request.name(), phone, email);
            return view(created.account()).put("api_key", created.firstKey().secret())
                    .put("api_key_note", "shown only now; vpbx keeps only its hash");
        });
    }

    private void list(RoutingContext rc) {
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(),
                accounts.list(exchange.context(rc), cursor == null ? null : cursor[0], limit), limit, this::view,
                account -> Query.encodeCursor(account.id())));
    }

    private void get(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> view(accounts.get(exchange.context(rc), rc.pathParam("id"))));
    }

    private ObjectNode view(Account account) {
        return exchange.mapper().createObjectNode()
                .put("id", account.id())
                .put("name", account.name())
                .put("contact_phone", account.contactPhone())
                .put("contact_email", account.contactEmail())
                .put("created_at", account.createdAt().toString());
    }
}
