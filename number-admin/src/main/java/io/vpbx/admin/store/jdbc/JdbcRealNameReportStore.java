package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.RealNameRate;
import io.vpbx.admin.store.RealNameReportStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.List;

/** One grouped query over numbers, bindings and end users: the report is read whole, not page by page. */
public final class JdbcRealNameReportStore implements RealNameReportStore {
    private static final String SQL = "SELECT n.account_id, a.name, n.country, COUNT(*) AS active_numbers, "
            + "SUM(CASE WHEN b.status = 'confirmed' AND (b.holder_type = 'm2m_device' OR u.document_status = 'valid') "
            + "THEN 1 ELSE 0 END) AS verified_numbers "
            + "FROM numbers n JOIN accounts a ON a.id = n.account_id "
            + "LEFT JOIN number_bindings b ON b.e164 = n.e164 "
            + "LEFT JOIN end_users u ON b.holder_type = 'end_user' AND u.id = b.holder_id "
            + "WHERE n.state = 'active' GROUP BY n.account_id, a.name, n.country ORDER BY n.account_id, n.country";

    @Override
    public List<RealNameRate> rates(Tx tx) throws SQLException {
        return IdQueries.query(tx, rs -> new RealNameRate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                rs.getLong(5)), SQL);
    }
}
