package io.vpbx.admin.service.staff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.staff.Department;
import io.vpbx.admin.domain.staff.DepartmentFields;
import io.vpbx.admin.domain.staff.DepartmentMember;
import io.vpbx.admin.domain.staff.EmployeeFields;
import io.vpbx.admin.service.AuditedResource;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.ResourceService;
import io.vpbx.admin.service.StoredTime;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.DepartmentStore;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.Transactions;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * An account's departments. A department and its member list change together in one transaction, so a
 * refused change (a member of another account, a taken extension) leaves the old list as it was.
 */
public final class DepartmentService implements ResourceService<Department, DepartmentService.Draft> {

    /** One member as a request lists it; {@code ringSeconds} null means the default. */
    public record MemberDraft(String employeeId, Integer ringSeconds) {
    }

    /** A department as a request describes it; every field unchecked. {@code members} null means none. */
    public record Draft(String name, String extension, String strategy, List<MemberDraft> members) {
    }


    private final AuditedResource<Department> resource;
    private final DepartmentStore departments;
    private final EmployeeStore employees;
    private final InUseGuard inUse;
    private final Clock clock;

    public DepartmentService(Transactions transactions, DepartmentStore departments, EmployeeStore employees,
                             InUseGuard inUse, Auditor auditor, Clock clock) {
        this.resource = new AuditedResource<>(transactions, departments, auditor, "department", "department",
                DepartmentService::changes);
        this.departments = departments;
        this.employees = employees;
        this.inUse = inUse;
        this.clock = clock;
    }

    public Department create(RequestContext ctx, Draft draft) {
        String accountId = ctx.accountId();
        Instant now = StoredTime.now(clock);
        Department department = new Department(UUID.randomUUID().toString(), accountId,
                EmployeeFields.name("name", draft.name()), extension(draft.extension()),
                DepartmentFields.strategy("strategy", draft.strategy()), members(draft.members()), now, now);
        return resource.create(ctx, accountId, department.id(), department, (tx, none, created) -> {
            requireMembersInAccount(tx, created);
            requireExtensionFree(tx, created);
        });
    }

    public Department get(RequestContext ctx, String departmentId) {
        return resource.get(ctx.accountId(), departmentId);
    }

    public List<Department> list(RequestContext ctx, String afterId, int limit) {
        return resource.list(ctx.accountId(), afterId, limit);
    }

    public Department update(RequestContext ctx, String departmentId, Patch<Draft> patch) {
        String accountId = ctx.accountId();
        patch.requireSome("must set at least one of name, extension, strategy, members");
        Draft v = patch.values();
        String name = patch.sets("name") ? EmployeeFields.name("name", v.name()) : null;
        String extension = patch.sets("extension") ? extension(v.extension()) : null;
        RingStrategy strategy = patch.sets("strategy") ? DepartmentFields.strategy("strategy", v.strategy()) : null;
        List<DepartmentMember> members = patch.sets("members") ? members(v.members()) : null;
        return resource.update(ctx, accountId, departmentId, before -> new Department(departmentId, accountId,
                name == null ? before.name() : name, patch.sets("extension") ? extension : before.extension(),
                strategy == null ? before.strategy() : strategy, members == null ? before.members() : members,
                before.createdAt(), StoredTime.now(clock)), (tx, before, after) -> {
                    if (members != null) {
                        requireMembersInAccount(tx, after);
                    }
                    if (!Objects.equals(after.extension(), before.extension())) {
                        requireExtensionFree(tx, after);
                    }
                }, AuditedResource.Step.none());
    }

    /** Refused with 409 while a number forwards to the department; its member list goes with it. */
    public void delete(RequestContext ctx, String departmentId) {
        String accountId = ctx.accountId();
        resource.deleteUnused(ctx, accountId, departmentId, inUse);
    }

    /** Checks the list's shape: at most 100 entries, each with an employee id, no employee twice. */
    private static List<DepartmentMember> members(List<MemberDraft> drafts) {
        if (drafts == null) {
            return List.of();
        }
        if (drafts.size() > Department.MAX_MEMBERS) {
            throw new InvalidFieldException("members", "a department has at most " + Department.MAX_MEMBERS
                    + " members, got " + drafts.size());
        }
        List<DepartmentMember> members = new ArrayList<>();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < drafts.size(); i++) {
            String field = "members[" + i + "]";
            MemberDraft draft = drafts.get(i);
            if (draft == null) {
                throw new InvalidFieldException(field, "must be an object with employee_id and ring_seconds");
            }
            DepartmentMember member = DepartmentFields.member(field, draft.employeeId(), draft.ringSeconds());
            Integer earlier = positions.putIfAbsent(member.employeeId(), i);
            if (earlier != null) {
                throw new InvalidFieldException(field + ".employee_id", "employee " + member.employeeId()
                        + " is already listed as members[" + earlier + "]");
            }
            members.add(member);
        }
        return members;
    }

    private void requireMembersInAccount(Tx tx, Department department) throws SQLException {
        List<DepartmentMember> members = department.members();
        for (int i = 0; i < members.size(); i++) {
            String employeeId = members.get(i).employeeId();
            if (!employees.exists(tx, department.accountId(), employeeId)) {
                throw new InvalidFieldException("members[" + i + "].employee_id", "no employee " + employeeId + " in this account");
            }
        }
    }

    /** One dial plan per account: an extension belongs to one employee or one department. */
    private void requireExtensionFree(Tx tx, Department department) throws SQLException {
        String extension = department.extension();
        if (extension == null) {
            return;
        }
        var holder = departments.findByExtension(tx, department.accountId(), extension);
        if (holder.isPresent() && !holder.get().id().equals(department.id())) {
            throw new ConflictException("extension: " + extension + " is already taken in this account",
                    List.of("department " + holder.get().id()));
        }
        var employee = employees.findByExtension(tx, department.accountId(), extension);
        if (employee.isPresent()) {
            throw new ConflictException("extension: " + extension + " is already taken in this account",
                    List.of("employee " + employee.get().id()));
        }
    }

    private static String extension(String input) {
        return input == null ? null : EmployeeFields.extension("extension", input);
    }

    /** The field-level audit of a change; {@code null} stands for "did not exist". */
    private static List<FieldChange> changes(Department before, Department after) {
        return new Changes()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("extension", before == null ? null : before.extension(), after == null ? null : after.extension())
                .field("strategy", before == null ? null : before.strategy().wireName(),
                        after == null ? null : after.strategy().wireName())
                .field("members", before == null ? null : members(before), after == null ? null : members(after))
                .list();
    }

    private static JsonNode members(Department department) {
        ArrayNode list = JsonNodeFactory.instance.arrayNode();
        department.members().forEach(member -> list.addObject()
                .put("employee_id", member.employeeId())
                .put("ring_seconds", member.ringSeconds()));
        return list;
    }
}
