package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The numbers currently bound to one holder (end user or M2M device), read from number_bindings. */
final class HolderBindings {
    private HolderBindings() {
    }

    static List<NumberUser> of(Tx tx, Binding.HolderType holderType, String holderId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT e164, account_id FROM number_bindings "
                + "WHERE holder_type = ? AND holder_id = ? ORDER BY e164")) {
            st.setString(1, holderType.wireName());
            st.setString(2, holderId);
            List<NumberUser> users = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    users.add(new NumberUser("binding of number", rs.getString(1), rs.getString(2)));
                }
            }
            return users;
        }
    }
}
