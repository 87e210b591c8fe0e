package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.List;

/** The numbers currently bound to one holder (end user or M2M device), read from number_bindings. */
final class HolderBindings {
    private HolderBindings() {
    }

    static List<NumberUser> of(Tx tx, Binding.HolderType holderType, String holderId) throws SQLException {
        return IdQueries.query(tx, rs -> new NumberUser("binding of number", rs.getString(1), rs.getString(2)),
                "SELECT e164, account_id FROM number_bindings WHERE holder_type = ? AND holder_id = ? ORDER BY e164",
                holderType.wireName(), holderId);
    }
}
