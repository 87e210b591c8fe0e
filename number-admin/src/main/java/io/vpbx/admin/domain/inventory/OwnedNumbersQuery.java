package io.vpbx.admin.domain.inventory;

import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.number.NumberType;

/** Filters over one account's numbers; null means "any". Sorted by number, after the cursor. */
public record OwnedNumbersQuery(String accountId, NumberState state, NumberType type, NumberCategory category,
                                String contains, String forwardingKind, String commentContains,
                                String afterE164, int limit) {
}
