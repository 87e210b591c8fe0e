package io.vpbx.admin.service;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.service.numbers.ForeignForwardings;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses to remove something (a number, an employee, a department) while anything of the same account still
 * uses it, listing the users. Another account's users never block (one account must not hold another's
 * disconnect hostage) and are never described: the caller drops them first ({@link ForeignForwardings}) or, like
 * a forwarding to an external number that happens to be on vpbx, they do not depend on the resource.
 */
public final class InUseGuard {
    private final List<NumberUsages> usages;

    public InUseGuard(List<NumberUsages> usages) {
        this.usages = List.copyOf(usages);
    }

    public void requireUnused(Tx tx, String viewerAccountId, String reference, String what) throws SQLException {
        List<String> blockers = new ArrayList<>();
        for (NumberUsages usage : usages) {
            for (NumberUser user : usage.usersOf(tx, reference)) {
                boolean foreign = viewerAccountId != null && user.accountId() != null
                        && !viewerAccountId.equals(user.accountId());
                if (!user.id().equals(reference) && !foreign) {
                    blockers.add(user.describe(viewerAccountId));
                }
            }
        }
        if (!blockers.isEmpty()) {
            throw new ConflictException(what + " is still in use; change these first", blockers);
        }
    }
}
