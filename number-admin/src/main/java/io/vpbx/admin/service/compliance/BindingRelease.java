package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.service.numbers.NumberReleaseHook;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/**
 * When a number is disconnected its binding ends; the end user's "last number released" time starts the
 * personal-data retention period once they hold no number at all.
 */
public final class BindingRelease implements NumberReleaseHook {
    private final BindingStore bindings;
    private final EndUserStore endUsers;

    public BindingRelease(BindingStore bindings, EndUserStore endUsers) {
        this.bindings = bindings;
        this.endUsers = endUsers;
    }

    @Override
    public void released(Tx tx, String e164, Instant at) throws SQLException {
        Optional<Binding> binding = bindings.find(tx, e164);
        if (binding.isEmpty()) {
            return;
        }
        bindings.delete(tx, e164);
        Binding ended = binding.get();
        if (ended.holderType() == Binding.HolderType.END_USER) {
            var endUser = endUsers.lock(tx, ended.accountId(), ended.holderId());
            if (endUser.isPresent()) {
                endUsers.update(tx, endUser.get().withLastNumberReleasedAt(at));
            }
        }
    }
}
