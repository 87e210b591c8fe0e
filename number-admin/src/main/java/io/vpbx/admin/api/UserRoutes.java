package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.WireName;
import io.vpbx.admin.domain.people.AccountUser;
import io.vpbx.admin.domain.people.UserRole;
import io.vpbx.admin.domain.people.UserState;
import io.vpbx.admin.service.ForbiddenException;
import io.vpbx.admin.service.people.Invitations;
import io.vpbx.admin.service.people.SessionService;
import io.vpbx.admin.service.people.UserService;

/**
 * /v1/users: the people of the caller's account (the operator's: with {@code account_id}, or its own staff without),
 * invited by e-mail, changed and removed by owners and admins; {@code /v1/users/me} is the person signed in, who
 * changes their own password at {@code /v1/users/me/password}.
 */
final class UserRoutes implements Routes {
    record Invite(String email, String name, String role, String contactPhone, String accountId) {
    }

    record Edit(String name, String role, String contactPhone, String state) {
    }

    record PasswordChange(String oldPassword, String password) {
        @Override
        public String toString() {
            return "PasswordChange";
        }
    }

    private final UserService users;
    private final Invitations invitations;
    private final Exchange exchange;
    private final Query query;

    UserRoutes(UserService users, Invitations invitations, Exchange exchange, Query query) {
        this.users = users;
        this.invitations = invitations;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/users").handler(Query.takes("account_id", "limit", "cursor")).handler(this::list);
        router.post("/v1/users").handler(Query.takesNone()).handler(this::invite);
        router.get("/v1/users/me").handler(Query.takesNone()).handler(this::me);
        router.post("/v1/users/me/password").handler(Query.takesNone()).handler(this::changePassword);
        router.get("/v1/users/:id").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/users/:id").handler(Query.takesNone()).handler(this::change);
        router.delete("/v1/users/:id").handler(Query.takesNone()).handler(this::remove);
        router.post("/v1/users/:id/invitation").handler(Query.takesNone()).handler(this::reinvite);
    }

    private void list(RoutingContext rc) {
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        String accountId = query.text(rc, "account_id");
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(),
                users.list(exchange.context(rc), accountId, cursor == null ? null : cursor[0], limit), limit,
                user -> view(exchange.mapper(), user), user -> Query.encodeCursor(user.id())));
    }

    private void invite(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> {
            Invite given = exchange.body(rc, Invite.class);
            return view(exchange.mapper(), invitations.invite(exchange.context(rc), given.accountId(), given.email(), given.name(),
                    given.role(), given.contactPhone()));
        });
    }

    private void me(RoutingContext rc) {
        SessionService.SignedIn signedIn = rc.get(SessionCookie.SIGNED_IN_KEY);
        if (signedIn == null) {
            rc.fail(new ForbiddenException("/v1/users/me is the person signed in; an API key is not a person"));
            return;
        }
        exchange.blocking(rc, 200, () -> view(exchange.mapper(), users.get(exchange.context(rc), signedIn.user().id())));
    }

    private void changePassword(RoutingContext rc) {
        SessionService.SignedIn signedIn = rc.get(SessionCookie.SIGNED_IN_KEY);
        exchange.blocking(rc, 204, () -> {
            PasswordChange given = exchange.body(rc, PasswordChange.class);
            users.changePassword(exchange.context(rc), signedIn == null ? null : signedIn.session().id(), given.oldPassword(),
                    given.password());
            return null;
        });
    }

    private void get(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> view(exchange.mapper(), users.get(exchange.context(rc), rc.pathParam("id"))));
    }

    private void change(RoutingContext rc) {
        exchange.blocking(rc, 200, () -> {
            Edit given = exchange.body(rc, Edit.class);
            if (given.name() == null && given.role() == null && given.contactPhone() == null && given.state() == null) {
                throw new InvalidFieldException("body", "must set at least one of name, role, contact_phone, state");
            }
            UserRole role = given.role() == null ? null : UserRole.of(given.role())
                    .orElseThrow(() -> new InvalidFieldException("role", "must be one of " + WireName.all(UserRole.class)));
            UserState state = given.state() == null ? null : WireName.exact(UserState.class, given.state())
                    .orElseThrow(() -> new InvalidFieldException("state", "must be active or disabled"));
            return view(exchange.mapper(), users.change(exchange.context(rc), rc.pathParam("id"),
                    new UserService.Edit(given.name(), role, given.contactPhone(), state)));
        });
    }

    private void reinvite(RoutingContext rc) {
        exchange.blocking(rc, 201, () -> view(exchange.mapper(), invitations.reinvite(exchange.context(rc), rc.pathParam("id"))));
    }

    private void remove(RoutingContext rc) {
        exchange.blocking(rc, 204, () -> {
            users.remove(exchange.context(rc), rc.pathParam("id"));
            return null;
        });
    }

    /** A person as listed: never the password hash. */
    static ObjectNode view(ObjectMapper mapper, AccountUser user) {
        return sessionView(mapper, user)
                .put("contact_phone", user.contactPhone())
                .put("state", user.state().wireName())
                .put("created_at", user.createdAt().toString())
                .put("updated_at", user.updatedAt().toString());
    }

    /** The person in a session's answer: who is signed in and for which account. */
    static ObjectNode sessionView(ObjectMapper mapper, AccountUser user) {
        return mapper.createObjectNode()
                .put("id", user.id())
                .put("email", user.email())
                .put("name", user.name())
                .put("role", user.role().wireName())
                .put("account_id", user.accountId());
    }
}
