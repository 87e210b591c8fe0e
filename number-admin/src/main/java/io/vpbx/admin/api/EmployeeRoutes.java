package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.service.EmployeeService;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** /v1/employees: an account's people who answer calls. The SIP password is written, never read back. */
final class EmployeeRoutes implements Routes {
    private final EmployeeService employees;
    private final Exchange exchange;
    private final Query query;

    EmployeeRoutes(EmployeeService employees, Exchange exchange, Query query) {
        this.employees = employees;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/employees").handler(Query.takesNone()).handler(this::create);
        router.get("/v1/employees").handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get("/v1/employees/:id").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/employees/:id").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/employees/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(employees.create(ctx, exchange.body(rc, EmployeeService.Draft.class))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> {
            List<Employee> page = employees.list(ctx, cursor == null ? null : cursor[0], limit);
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(employee -> items.add(view(employee)));
            body.put("next_cursor", page.size() == limit ? Query.encodeCursor(page.get(page.size() - 1).id()) : null);
            return body;
        });
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(employees.get(ctx, rc.pathParam("id"))));
    }

    /** JSON merge-patch: the fields present change (mobile: null clears it); unknown fields are refused. */
    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            EmployeeService.Draft values = exchange.mapper().treeToValue(body, EmployeeService.Draft.class);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            return view(employees.update(ctx, rc.pathParam("id"), new Patch<>(fields, values)));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            employees.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private ObjectNode view(Employee employee) {
        return exchange.mapper().createObjectNode()
                .put("id", employee.id())
                .put("name", employee.name())
                .put("extension", employee.extension())
                .put("sip_username", employee.sipUsername())
                .put("mobile", employee.mobile())
                .put("created_at", employee.createdAt().toString())
                .put("updated_at", employee.updatedAt().toString());
    }
}
