package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.WireName;
import io.vpbx.admin.domain.compliance.Consent;
import io.vpbx.admin.store.ConsentStore;
import io.vpbx.admin.store.Tx;
import java.sql.Timestamp;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** Consents in end_user_consents. */
public final class JdbcConsentStore implements ConsentStore {
    private static final String COLUMNS = "id, account_id, end_user_id, text_version, channel, given_at, withdrawn_at";

    @Override
    public void create(Tx tx, Consent c) throws SQLException {
        IdQueries.update(tx, "INSERT INTO end_user_consents (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", c.id(), c.accountId(),
                c.endUserId(), c.textVersion(), c.channel().wireName(), Timestamp.from(c.givenAt()), IdQueries.timestamp(c.withdrawnAt()));
    }

    @Override
    public List<Consent> list(Tx tx, String endUserId) throws SQLException {
        return IdQueries.query(tx, rs -> new Consent(rs.getString("id"), rs.getString("account_id"), rs.getString("end_user_id"),
                rs.getString("text_version"), WireName.exact(Consent.Channel.class, rs.getString("channel")).orElseThrow(),
                IdQueries.instant(rs, "given_at"), IdQueries.instant(rs, "withdrawn_at")),
                "SELECT " + COLUMNS + " FROM end_user_consents WHERE end_user_id = ? ORDER BY given_at DESC, id DESC", endUserId);
    }

    @Override
    public int withdrawAll(Tx tx, String endUserId, Instant at) throws SQLException {
        return IdQueries.update(tx, "UPDATE end_user_consents SET withdrawn_at = ? WHERE end_user_id = ? AND withdrawn_at IS NULL",
                Timestamp.from(at), endUserId);
    }
}
