package io.vpbx.admin.service.staff;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.contact.EmailAddress;
import io.vpbx.admin.domain.staff.DigestCredentials;
import io.vpbx.admin.domain.staff.Employee;
import io.vpbx.admin.domain.staff.EmployeeFields;
import io.vpbx.admin.service.AuditedResource;
import io.vpbx.admin.service.InUseGuard;
import io.vpbx.admin.service.NumberInputs;
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
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account's employees. The SIP password is turned into digest HA1 values for {@code realm} on the
 * way in and then forgotten: it is never stored, returned, logged or audited (the audit says "changed").
 */
public final class EmployeeService implements ResourceService<Employee, EmployeeService.Draft> {
    /** The audit's stand-in for a password: whether it changed, never what it is. */
    public static final String PASSWORD_CHANGED = "changed";

    /** An employee as a request describes it; every field unchecked. */
    public record Draft(String name, String extension, String sipUsername, String sipPassword, String mobile, String email) {
        /** A draft without an e-mail address. */
        public Draft(String name, String extension, String sipUsername, String sipPassword, String mobile) {
            this(name, extension, sipUsername, sipPassword, mobile, null);
        }

        @Override
        public String toString() {
            return "Draft[name=" + name + ", extension=" + extension + ", sipUsername=" + sipUsername
                    + ", sipPassword=" + (sipPassword == null ? null : "hidden") + ", mobile=" + mobile + ", email=" + email + "]";
        }
    }


    private final AuditedResource<Employee> resource;
    private final EmployeeStore employees;
    private final DepartmentStore departments;
    private final InUseGuard inUse;
    private final NumberInputs inputs;
    private final Clock clock;
    private final String realm;

    public EmployeeService(Transactions transactions, EmployeeStore employees, DepartmentStore departments,
                           InUseGuard inUse, NumberInputs inputs, Auditor auditor, Clock clock, String realm) {
        this.resource = new AuditedResource<>(transactions, employees, auditor, "employee", "employee", EmployeeService::changes);
        this.employees = employees;
        this.departments = departments;
        this.inUse = inUse;
        this.inputs = inputs;
        this.clock = clock;
        this.realm = realm;
    }

    public Employee create(RequestContext ctx, Draft draft) {
        String accountId = ctx.accountId();
        String username = EmployeeFields.sipUsername("sip_username", draft.sipUsername());
        DigestCredentials credentials = DigestCredentials.derive(username, realm,
                EmployeeFields.sipPassword("sip_password", draft.sipPassword()));
        Instant now = StoredTime.now(clock);
        Employee employee = new Employee(UUID.randomUUID().toString(), accountId, EmployeeFields.name("name", draft.name()),
                EmployeeFields.extension("extension", draft.extension()), username, credentials, mobile(draft.mobile()),
                email(draft.email()), now, now);
        return resource.create(ctx, accountId, employee.id(), employee, (tx, none, created) -> {
            requireExtensionFree(tx, created);
            requireUsernameFree(tx, created);
        });
    }

    public Employee get(RequestContext ctx, String employeeId) {
        return resource.get(ctx.accountId(), employeeId);
    }

    public List<Employee> list(RequestContext ctx, String afterId, int limit) {
        return resource.list(ctx.accountId(), afterId, limit);
    }

    /** Changing sip_username needs sip_password too: both HA1 values are computed from the pair. */
    public Employee update(RequestContext ctx, String employeeId, Patch<Draft> patch) {
        String accountId = ctx.accountId();
        patch.requireSome("must set at least one of name, extension, sip_username, sip_password, mobile, email");
        Draft v = patch.values();
        String name = patch.sets("name") ? EmployeeFields.name("name", v.name()) : null;
        String extension = patch.sets("extension") ? EmployeeFields.extension("extension", v.extension()) : null;
        String username = patch.sets("sip_username") ? EmployeeFields.sipUsername("sip_username", v.sipUsername()) : null;
        String password = patch.sets("sip_password") ? EmployeeFields.sipPassword("sip_password", v.sipPassword()) : null;
        String mobile = patch.sets("mobile") ? mobile(v.mobile()) : null;
        String email = patch.sets("email") ? email(v.email()) : null;
        return resource.update(ctx, accountId, employeeId, before -> {
            String newUsername = username == null ? before.sipUsername() : username;
            if (password == null && !newUsername.equals(before.sipUsername())) {
                throw new InvalidFieldException("sip_password", "is required to change sip_username: the stored digests are "
                        + "computed from both");
            }
            DigestCredentials credentials = password == null ? before.credentials()
                    : DigestCredentials.derive(newUsername, realm, password);
            return new Employee(before.id(), accountId, name == null ? before.name() : name,
                    extension == null ? before.extension() : extension, newUsername, credentials,
                    patch.sets("mobile") ? mobile : before.mobile(), patch.sets("email") ? email : before.email(),
                    before.createdAt(), StoredTime.now(clock));
        }, (tx, before, after) -> {
            if (!after.extension().equals(before.extension())) {
                requireExtensionFree(tx, after);
            }
            if (!after.sipUsername().equals(before.sipUsername())) {
                requireUsernameFree(tx, after);
            }
        }, AuditedResource.Step.none());
    }

    /** Refused with 409 while a number forwards to the employee or a department lists them. */
    public void delete(RequestContext ctx, String employeeId) {
        String accountId = ctx.accountId();
        resource.deleteUnused(ctx, accountId, employeeId, inUse);
    }

    /** One dial plan per account: an extension belongs to one employee or one department. */
    private void requireExtensionFree(Tx tx, Employee employee) throws SQLException {
        String extension = employee.extension();
        var holder = employees.findByExtension(tx, employee.accountId(), extension);
        if (holder.isPresent() && !holder.get().id().equals(employee.id())) {
            throw new ConflictException("extension: " + extension + " is already taken in this account",
                    List.of("employee " + holder.get().id()));
        }
        var department = departments.findByExtension(tx, employee.accountId(), extension);
        if (department.isPresent()) {
            throw new ConflictException("extension: " + extension + " is already taken in this account",
                    List.of("department " + department.get().id()));
        }
    }

    /** SIP usernames are unique on the whole platform: the registrar finds an employee by username alone. */
    private void requireUsernameFree(Tx tx, Employee employee) throws SQLException {
        var holder = employees.findBySipUsername(tx, employee.sipUsername());
        if (holder.isPresent() && !holder.get().id().equals(employee.id())) {
            // Another account's employee is not described, not even as such: the answer names only the caller's own.
            List<String> own = holder.get().accountId().equals(employee.accountId()) ? List.of("employee " + holder.get().id())
                    : List.of();
            throw new ConflictException("sip_username: '" + employee.sipUsername() + "' is already taken on this platform", own);
        }
    }

    private String mobile(String input) {
        return input == null ? null : inputs.one("mobile", input);
    }

    /** Where voicemails for the employee go; null clears it. */
    private static String email(String input) {
        return input == null ? null : EmailAddress.of("email", input).value();
    }

    /**
     * The field-level audit of a change; {@code null} stands for "did not exist". The password counts as changed
     * when the stored digests do: always on creation, never on deletion.
     */
    private static List<FieldChange> changes(Employee before, Employee after) {
        boolean passwordChanged = after != null && (before == null || !after.credentials().equals(before.credentials()));
        return new Changes()
                .field("name", before == null ? null : before.name(), after == null ? null : after.name())
                .field("extension", before == null ? null : before.extension(), after == null ? null : after.extension())
                .field("sip_username", before == null ? null : before.sipUsername(), after == null ? null : after.sipUsername())
                .field("sip_password", null, passwordChanged ? PASSWORD_CHANGED : null)
                .field("mobile", before == null ? null : before.mobile(), after == null ? null : after.mobile())
                .field("email", before == null ? null : before.email(), after == null ? null : after.email())
                .list();
    }
}
