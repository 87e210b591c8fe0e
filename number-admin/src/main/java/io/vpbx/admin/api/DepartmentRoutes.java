package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.service.staff.DepartmentService;

/**
 * /v1/departments: an account's ring groups, each an ordered member list rung by a strategy.
 * PATCH is a JSON merge-patch: the fields present change (extension: null clears it); members, when present, replace the list.
 */
final class DepartmentRoutes implements Routes {
    private final ResourceRoutes<Department, DepartmentService.Draft> resource;
    private final Exchange exchange;

    DepartmentRoutes(DepartmentService departments, Exchange exchange, Query query) {
        this.resource = new ResourceRoutes<>("/v1/departments", departments, DepartmentService.Draft.class, Department::id, this::view,
                exchange, query);
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        resource.mount(router);
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
