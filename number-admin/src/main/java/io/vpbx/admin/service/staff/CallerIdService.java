package io.vpbx.admin.service.staff;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.NotFoundException;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.CallPolicy;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.audit.Auditor;
import io.vpbx.admin.service.audit.Changes;
import io.vpbx.admin.store.CallerIdStore;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Transactions;
import java.util.List;
import java.util.Optional;

/** The number an employee shows when calling out: one of the account's own numbers, never a CN 400 number. */
public final class CallerIdService {
    private final Transactions transactions;
    private final CallerIdStore callerIds;
    private final EmployeeStore employees;
    private final NumberStore numbers;
    private final NumberInputs inputs;
    private final CallPolicy policy;
    private final Auditor auditor;

    public CallerIdService(Transactions transactions, CallerIdStore callerIds, EmployeeStore employees, NumberStore numbers,
                           NumberInputs inputs, CallPolicy policy, Auditor auditor) {
        this.transactions = transactions;
        this.callerIds = callerIds;
        this.employees = employees;
        this.numbers = numbers;
        this.inputs = inputs;
        this.policy = policy;
        this.auditor = auditor;
    }

    public String set(RequestContext ctx, String employeeId, String number) {
        String accountId = ctx.accountId();
        String e164 = inputs.one("number", number);
        return transactions.inTransaction(tx -> {
            if (!employees.exists(tx, accountId, employeeId)) {
                throw new NotFoundException("employee " + employeeId);
            }
            NumberRecord record = numbers.lock(tx, List.of(e164)).stream().findFirst()
                    .filter(r -> accountId.equals(r.accountId()) && r.state().isOwned())
                    .orElseThrow(() -> new InvalidFieldException("number", e164 + " is not a number in service in this account"));
            if (!policy.mayBeCallerId(record.country(), record.type())) {
                throw new InvalidFieldException("number", "a Chinese 400 number can never be an outbound caller ID");
            }
            Optional<String> before = callerIds.find(tx, employeeId);
            callerIds.put(tx, accountId, employeeId, e164);
            auditor.record(tx, ctx, accountId, "employee.caller_id_set", "employee", employeeId,
                    new Changes().field("caller_id", before.orElse(null), e164).list());
            return e164;
        });
    }

    public Optional<String> get(RequestContext ctx, String employeeId) {
        String accountId = ctx.accountId();
        return transactions.inTransaction(tx -> {
            if (!employees.exists(tx, accountId, employeeId)) {
                throw new NotFoundException("employee " + employeeId);
            }
            return callerIds.find(tx, employeeId);
        });
    }

    public void clear(RequestContext ctx, String employeeId) {
        String accountId = ctx.accountId();
        transactions.inTransaction(tx -> {
            if (!employees.exists(tx, accountId, employeeId)) {
                throw new NotFoundException("employee " + employeeId);
            }
            Optional<String> before = callerIds.find(tx, employeeId);
            callerIds.delete(tx, employeeId);
            auditor.record(tx, ctx, accountId, "employee.caller_id_cleared", "employee", employeeId,
                    new Changes().field("caller_id", before.orElse(null), null).list());
            return null;
        });
    }
}
