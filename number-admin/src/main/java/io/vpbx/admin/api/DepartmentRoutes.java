package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.service.DepartmentService;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** /v1/departments: an account's ring groups, each an ordered member list rung by a strategy. */
final class DepartmentRoutes implements Routes {
    private final DepartmentService departments;
    private final Exchange exchange;
    private final Query query;

    DepartmentRoutes(DepartmentService departments, Exchange exchange, Query query) {
        this.departments = departments;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/departments").handler(Query.takesNone()).handler(this::create);
        router.get("/v1/departments").handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get("/v1/departments/:id").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/departments/:id").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/departments/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(departments.create(ctx, exchange.body(rc, DepartmentService.Draft.class))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> {
            List<Department> page = departments.list(ctx, cursor == null ? null : cursor[0], limit);
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(department -> items.add(view(department)));
            body.put("next_cursor", page.size() == limit ? Query.encodeCursor(page.get(page.size() - 1).id()) : null);
            return body;
        });
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(departments.get(ctx, rc.pathParam("id"))));
    }

    /** JSON merge-patch: the fields present change (extension: null clears it); members, when present, replace the list. */
    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            DepartmentService.Draft values = exchange.mapper().treeToValue(body, DepartmentService.Draft.class);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            return view(departments.update(ctx, rc.pathParam("id"), new Patch<>(fields, values)));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            departments.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private ObjectNode view(Department department) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", department.id())
                .put("name", department.name())
                .put("extension", department.extension())
                .put("strategy", department.strategy().wireName());
        ArrayNode members = node.putArray("members");
        department.members().forEach(member -> members.addObject()
                .put("employee_id", member.employeeId())
                .put("ring_seconds", member.ringSeconds()));
        return node.put("created_at", department.createdAt().toString())
                .put("updated_at", department.updatedAt().toString());
    }
}
