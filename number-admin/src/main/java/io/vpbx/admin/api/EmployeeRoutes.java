package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.service.staff.EmployeeService;

/**
 * /v1/employees: an account's people who answer calls. The SIP password is written, never read back.
 * PATCH is a JSON merge-patch: the fields present change (mobile: null or email: null clears it); unknown fields are refused.
 */
final class EmployeeRoutes implements Routes {
    private final ResourceRoutes<Employee, EmployeeService.Draft> resource;
    private final Exchange exchange;

    EmployeeRoutes(EmployeeService employees, Exchange exchange, Query query) {
        this.resource = new ResourceRoutes<>("/v1/employees", employees, EmployeeService.Draft.class, Employee::id, this::view,
                exchange, query);
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        resource.mount(router);
    }

    private ObjectNode view(Employee employee) {
        return exchange.mapper().createObjectNode()
                .put("id", employee.id())
                .put("name", employee.name())
                .put("extension", employee.extension())
                .put("sip_username", employee.sipUsername())
                .put("mobile", employee.mobile())
                .put("email", employee.email())
                .put("created_at", employee.createdAt().toString())
                .put("updated_at", employee.updatedAt().toString());
    }
}
