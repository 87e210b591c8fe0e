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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public final class JdbcTrunkStore implements TrunkStore {
    private static final String COLUMNS = "id, name, account_id, outbound_uri, enabled, created_at, updated_at";

    /** A trunks row, before its addresses are read. */
    private record Row(String id, String name, String accountId, String outboundUri, boolean enabled,
                       Instant createdAt, Instant updatedAt) {
        Trunk with(List<SourceAddress> addresses) {
            return new Trunk(id, name, addresses, accountId, outboundUri, enabled, createdAt, updatedAt);
        }
    }

    @Override
    public void create(Tx tx, Trunk t) throws SQLException {
        IdQueries.update(tx, "INSERT INTO trunks (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)", t.id(), t.name(),
                t.accountId(), t.outboundUri(), t.enabled(), Timestamp.from(t.createdAt()), Timestamp.from(t.updatedAt()));
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
        IdQueries.updateOne(tx, "trunk " + t.id(), "UPDATE trunks SET name = ?, account_id = ?, outbound_uri = ?, enabled = ?, "
                + "updated_at = ? WHERE id = ?", t.name(), t.accountId(), t.outboundUri(), t.enabled(),
                Timestamp.from(t.updatedAt()), t.id());
        IdQueries.update(tx, "DELETE FROM trunk_source_addresses WHERE trunk_id = ?", t.id());
        insertAddresses(tx, t);
    }

    @Override
    public boolean delete(Tx tx, String trunkId) throws SQLException {
        // trunk_source_addresses go with it (ON DELETE CASCADE).
        return IdQueries.update(tx, "DELETE FROM trunks WHERE id = ?", trunkId) == 1;
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
            if (IdQueries.isUniqueViolation(failure)) {
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
        List<Row> rows = IdQueries.rows(st, rs -> new Row(rs.getString("id"), rs.getString("name"), rs.getString("account_id"),
                rs.getString("outbound_uri"), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()));
        Map<String, List<SourceAddress>> addresses = addresses(tx, rows.stream().map(Row::id).toList());
        return rows.stream().map(row -> row.with(addresses.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Map<String, List<SourceAddress>> addresses(Tx tx, List<String> trunkIds) throws SQLException {
        return ChildRows.byParent(tx, "SELECT trunk_id, address FROM trunk_source_addresses", "trunk_id", trunkIds,
                rs -> new SourceAddress(rs.getString(2)));
    }
}
