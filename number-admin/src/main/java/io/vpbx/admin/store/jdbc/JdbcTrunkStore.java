package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.ConflictException;
import io.vpbx.admin.domain.trunk.SourceAddress;
import io.vpbx.admin.domain.trunk.Trunk;
import io.vpbx.admin.store.TrunkStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JdbcTrunkStore implements TrunkStore {
    private static final String COLUMNS = "id, name, account_id, outbound_uri, enabled, created_at, updated_at";
    /** SQLSTATE of a unique violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    /** A trunks row, before its addresses are read. */
    private record Row(String id, String name, String accountId, String outboundUri, boolean enabled,
                       Instant createdAt, Instant updatedAt) {
        Trunk with(List<SourceAddress> addresses) {
            return new Trunk(id, name, addresses, accountId, outboundUri, enabled, createdAt, updatedAt);
        }
    }

    @Override
    public void create(Tx tx, Trunk t) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO trunks (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, t.id());
            st.setString(2, t.name());
            st.setString(3, t.accountId());
            st.setString(4, t.outboundUri());
            st.setBoolean(5, t.enabled());
            st.setTimestamp(6, Timestamp.from(t.createdAt()));
            st.setTimestamp(7, Timestamp.from(t.updatedAt()));
            st.executeUpdate();
        }
        insertAddresses(tx, t);
    }

    @Override
    public Optional<Trunk> find(Tx tx, String trunkId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM trunks WHERE id = ?", trunkId);
    }

    @Override
    public Optional<Trunk> lock(Tx tx, String trunkId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM trunks WHERE id = ? FOR UPDATE", trunkId);
    }

    @Override
    public List<Trunk> list(Tx tx, String afterId, int limit) throws SQLException {
        return IdQueries.page(tx, st -> withAddresses(tx, st), "SELECT " + COLUMNS + " FROM trunks", afterId, limit);
    }

    @Override
    public void update(Tx tx, Trunk t) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE trunks SET name = ?, account_id = ?, "
                + "outbound_uri = ?, enabled = ?, updated_at = ? WHERE id = ?")) {
            st.setString(1, t.name());
            st.setString(2, t.accountId());
            st.setString(3, t.outboundUri());
            st.setBoolean(4, t.enabled());
            st.setTimestamp(5, Timestamp.from(t.updatedAt()));
            st.setString(6, t.id());
            if (st.executeUpdate() != 1) {
                throw new SQLException("trunk " + t.id() + " vanished while being saved");
            }
        }
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM trunk_source_addresses WHERE trunk_id = ?")) {
            st.setString(1, t.id());
            st.executeUpdate();
        }
        insertAddresses(tx, t);
    }

    @Override
    public boolean delete(Tx tx, String trunkId) throws SQLException {
        // trunk_source_addresses go with it (ON DELETE CASCADE).
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM trunks WHERE id = ?")) {
            st.setString(1, trunkId);
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public Map<SourceAddress, String> holders(Tx tx, Collection<SourceAddress> addresses) throws SQLException {
        Map<SourceAddress, String> holders = new HashMap<>();
        if (addresses.isEmpty()) {
            return holders;
        }
        SqlFilter filter = new SqlFilter().in("address", addresses.stream().map(SourceAddress::value).toList());
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT address, trunk_id FROM trunk_source_addresses"
                + filter.sql())) {
            filter.bind(st, 1);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    holders.put(new SourceAddress(rs.getString(1)), rs.getString(2));
                }
            }
        }
        return holders;
    }

    /** The primary key on the address keeps it to one trunk even when two requests race past the service's check. */
    private static void insertAddresses(Tx tx, Trunk t) throws SQLException {
        // At most Trunk.MAX_SOURCE_ADDRESSES rows x 3 parameters: one statement.
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO trunk_source_addresses "
                + "(address, trunk_id, position) VALUES "
                + String.join(", ", Collections.nCopies(t.sourceAddresses().size(), "(?, ?, ?)")))) {
            int i = 1;
            for (int position = 0; position < t.sourceAddresses().size(); position++) {
                st.setString(i++, t.sourceAddresses().get(position).value());
                st.setString(i++, t.id());
                st.setInt(i++, position);
            }
            st.executeUpdate();
        } catch (SQLException failure) {
            if (UNIQUE_VIOLATION.equals(failure.getSQLState())) {
                throw new ConflictException("source_addresses: an address of trunk " + t.id() + " is already another trunk's");
            }
            throw failure;
        }
    }

    private Optional<Trunk> one(Tx tx, String sql, String id) throws SQLException {
        return IdQueries.first(tx, st -> withAddresses(tx, st), sql, id);
    }

    /** Runs a query for trunk rows and fills in each trunk's addresses, in order, with one more query. */
    private static List<Trunk> withAddresses(Tx tx, PreparedStatement st) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(rs.getString("id"), rs.getString("name"), rs.getString("account_id"),
                        rs.getString("outbound_uri"), rs.getBoolean("enabled"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()));
            }
        }
        Map<String, List<SourceAddress>> addresses = addresses(tx, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.with(addresses.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Map<String, List<SourceAddress>> addresses(Tx tx, List<String> trunkIds) throws SQLException {
        return ChildRows.byParent(tx, "SELECT trunk_id, address FROM trunk_source_addresses", "trunk_id", trunkIds,
                rs -> new SourceAddress(rs.getString(2)));
    }
}
