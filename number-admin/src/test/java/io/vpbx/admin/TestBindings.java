package io.vpbx.admin;

import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Rows of number_bindings for tests of what a binding blocks, written with plain SQL so that these tests
 * do not depend on the binding service: an active number of the account and its binding to one holder.
 */
public final class TestBindings {
    private static final OffsetDateTime T0 = OffsetDateTime.ofInstant(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private TestBindings() {
    }

    /** Binds the Russian number {@code e164} (+7 and 10 digits), owned by {@code accountId}, to the holder. */
    public static void bind(Tx tx, String e164, String accountId, String holderType, String holderId) throws SQLException {
        String national = e164.substring(2);
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO numbers (e164, country, number_type, region, "
                + "national, national_rev, category, category_rank, category_reasons, rule_set_version, connection_fee, monthly_fee, "
                + "currency, state, account_id, state_changed_at, imported_at) "
                + "VALUES (?, 'RU', 'city', '495', ?, ?, 'regular', 0, '[]', 'test', 0, 0, 'RUB', 'active', ?, ?, ?)")) {
            st.setString(1, e164);
            st.setString(2, national);
            st.setString(3, new StringBuilder(national).reverse().toString());
            st.setString(4, accountId);
            st.setObject(5, T0);
            st.setObject(6, T0);
            st.executeUpdate();
        }
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO number_bindings (e164, account_id, holder_type, "
                + "holder_id, billing, registry_request_id, status, deadline_at, bound_at) "
                + "VALUES (?, ?, ?, ?, 'postpaid', 'req-test', 'confirmed', ?, ?)")) {
            st.setString(1, e164);
            st.setString(2, accountId);
            st.setString(3, holderType);
            st.setString(4, holderId);
            st.setObject(5, T0.plusDays(30));
            st.setObject(6, T0);
            st.executeUpdate();
        }
    }
}
