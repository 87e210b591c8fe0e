package io.vpbx.admin.store.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.category.NumberCategory;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.inventory.CatalogEntry;
import io.vpbx.admin.domain.inventory.CatalogQuery;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.domain.inventory.OwnedNumbersQuery;
import io.vpbx.admin.domain.lifecycle.NumberState;
import io.vpbx.admin.domain.lifecycle.ComplaintStop;
import io.vpbx.admin.domain.lifecycle.Suspension;
import io.vpbx.admin.domain.WireName;
import io.vpbx.admin.domain.number.Country;
import io.vpbx.admin.domain.number.NumberType;
import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.price.Money;
import io.vpbx.admin.domain.price.Price;
import io.vpbx.admin.domain.price.PriceRule;
import io.vpbx.admin.domain.price.PriceTable;
import io.vpbx.admin.store.NumberStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.forwarding.Fallback;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class JdbcNumberStore implements NumberStore {
    /** Rows per multi-row INSERT: 16 columns x 500 rows stays far below PostgreSQL's 32,767 parameters. */
    private static final int INSERT_ROWS = 500;
    private static final int LOCK_CHUNK = 1000;
    private static final String COLUMNS = "e164, country, number_type, region, national, category, category_reasons, "
            + "rule_set_version, connection_fee, monthly_fee, currency, state, account_id, reservation_id, reserved_until, "
            + "purchased_at, quarantine_until, state_changed_at, number_comment, forwarding, fallback, suspension, suspension_reason, "
            + "suspended_at, complaint_ground, complaint_reason, complaint_reference, complaint_stopped_at";
    private static final String OWNED_STATES = "('pending_compliance', 'active', 'blocked_unconfirmed')";

    private final ObjectMapper mapper;
    private final ForwardingCodec codec;
    private final CatalogSearchSql searchSql = new CatalogSearchSql();

    public JdbcNumberStore(ObjectMapper mapper, ForwardingCodec codec) {
        this.mapper = mapper;
        this.codec = codec;
    }

    @Override
    public int importEntries(Tx tx, List<CatalogEntry> entries, Instant at) throws SQLException {
        int inserted = 0;
        for (int from = 0; from < entries.size(); from += INSERT_ROWS) {
            List<CatalogEntry> chunk = entries.subList(from, Math.min(entries.size(), from + INSERT_ROWS));
            String sql = "INSERT INTO numbers (e164, country, number_type, region, national, national_rev, category, "
                    + "category_rank, category_reasons, rule_set_version, connection_fee, monthly_fee, currency, state, "
                    + "state_changed_at, imported_at) VALUES "
                    + String.join(", ", Collections.nCopies(chunk.size(), "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'available', ?, ?)"))
                    + " ON CONFLICT DO NOTHING";
            Timestamp now = Timestamp.from(at);
            try (PreparedStatement st = tx.connection().prepareStatement(sql)) {
                int i = 1;
                for (CatalogEntry entry : chunk) {
                    PhoneNumber number = entry.number();
                    String national = number.nationalNumber();
                    st.setString(i++, number.e164());
                    st.setString(i++, number.country().name());
                    st.setString(i++, number.type().wireName());
                    st.setString(i++, number.region());
                    st.setString(i++, national);
                    st.setString(i++, new StringBuilder(national).reverse().toString());
                    st.setString(i++, entry.classification().category().wireName());
                    st.setInt(i++, entry.classification().category().ordinal());
                    st.setString(i++, json(entry.classification().reasons()));
                    st.setString(i++, entry.classification().ruleSetVersion());
                    st.setBigDecimal(i++, entry.price().connectionFee().amount());
                    st.setBigDecimal(i++, entry.price().monthlyFee().amount());
                    st.setString(i++, entry.price().monthlyFee().currency());
                    st.setTimestamp(i++, now);
                    st.setTimestamp(i++, now);
                }
                inserted += st.executeUpdate();
            }
        }
        return inserted;
    }

    @Override
    public List<NumberRecord> search(Tx tx, CatalogQuery query) throws SQLException {
        CatalogSearchSql.Statement statement = searchSql.build(query, COLUMNS);
        try (PreparedStatement st = tx.connection().prepareStatement(statement.sql())) {
            statement.bind(st);
            return rows(st);
        }
    }

    @Override
    public Optional<NumberRecord> find(Tx tx, String e164) throws SQLException {
        return IdQueries.first(tx, this::rows, "SELECT " + COLUMNS + " FROM numbers WHERE e164 = ?", e164);
    }

    @Override
    public List<NumberRecord> lock(Tx tx, Collection<String> e164s) throws SQLException {
        List<String> sorted = e164s.stream().distinct().sorted().toList();
        List<NumberRecord> records = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += LOCK_CHUNK) {
            List<String> chunk = sorted.subList(from, Math.min(sorted.size(), from + LOCK_CHUNK));
            SqlFilter filter = new SqlFilter().in("e164", chunk);
            try (PreparedStatement st = tx.connection().prepareStatement(
                    "SELECT " + COLUMNS + " FROM numbers" + filter.sql() + " ORDER BY e164 FOR UPDATE")) {
                filter.bind(st, 1);
                records.addAll(rows(st));
            }
        }
        return records;
    }

    @Override
    public void save(Tx tx, NumberRecord r) throws SQLException {
        ComplaintStop stop = r.complaintStop();
        IdQueries.updateOne(tx, "number " + r.e164(), "UPDATE numbers SET state = ?, account_id = ?, reservation_id = ?, "
                + "reserved_until = ?, purchased_at = ?, quarantine_until = ?, state_changed_at = ?, number_comment = ?, "
                + "forwarding = ?, fallback = ?, forward_kind = ?, forward_ref = ?, forward_schedule_id = ?, forward_closed_ref = ?, "
                + "suspension = ?, suspension_reason = ?, suspended_at = ?, complaint_ground = ?, complaint_reason = ?, "
                + "complaint_reference = ?, complaint_stopped_at = ? WHERE e164 = ?", r.state().wireName(), r.accountId(), r.reservationId(),
                IdQueries.timestamp(r.reservedUntil()), IdQueries.timestamp(r.purchasedAt()),
                IdQueries.timestamp(r.quarantineUntil()), IdQueries.timestamp(r.stateChangedAt()), r.comment(),
                r.forwarding() == null ? null : codec.write(r.forwarding()).toString(),
                r.fallback() == null ? null : codec.write(r.fallback()).toString(),
                r.forwarding() == null ? null : r.forwarding().target().kind(),
                r.forwarding() == null ? null : r.forwarding().target().reference(),
                r.forwarding() == null || r.forwarding().schedule() == null ? null : r.forwarding().schedule().scheduleId(),
                closedReference(r.forwarding()),
                r.suspension().wireName(), r.suspensionReason(), IdQueries.timestamp(r.suspendedAt()),
                stop == null ? null : stop.ground().wireName(), stop == null ? null : stop.reason(),
                stop == null ? null : stop.reference(), IdQueries.timestamp(stop == null ? null : stop.stoppedAt()), r.e164());
    }

    @Override
    public List<NumberRecord> listOwned(Tx tx, OwnedNumbersQuery q) throws SQLException {
        SqlFilter filter = new SqlFilter().eq("account_id", q.accountId());
        if (q.state() == null) {
            filter.raw("state IN " + OWNED_STATES);
        } else {
            filter.eq("state", q.state().wireName());
        }
        filter.eq("number_type", q.type() == null ? null : q.type().wireName())
                .eq("category", q.category() == null ? null : q.category().wireName())
                .like("national", q.contains() == null ? null : "%" + q.contains() + "%")
                .eq("forward_kind", q.forwardingKind())
                .like("number_comment", q.commentContains() == null ? null : "%" + escapeLike(q.commentContains()) + "%")
                .above("e164", q.afterE164());
        try (PreparedStatement st = tx.connection().prepareStatement(
                "SELECT " + COLUMNS + " FROM numbers" + filter.sql() + " ORDER BY e164 LIMIT ?")) {
            int next = filter.bind(st, 1);
            st.setInt(next, q.limit());
            return rows(st);
        }
    }

    @Override
    public List<NumberRecord> lockReservation(Tx tx, String reservationId) throws SQLException {
        return IdQueries.select(tx, this::rows, "SELECT " + COLUMNS
                + " FROM numbers WHERE reservation_id = ? AND state = 'reserved' ORDER BY e164 FOR UPDATE", reservationId);
    }

    @Override
    public List<NumberRecord> lockExpired(Tx tx, NumberState state, Instant now, int limit) throws SQLException {
        String deadline = state == NumberState.RESERVED ? "reserved_until" : "quarantine_until";
        return IdQueries.select(tx, this::rows, "SELECT " + COLUMNS + " FROM numbers WHERE state = ? AND " + deadline
                + " <= ? ORDER BY e164 LIMIT ? FOR UPDATE", state.wireName(), Timestamp.from(now), limit);
    }

    @Override
    public List<NumberRecord> lockSuspendedSince(Tx tx, Suspension suspension, Instant before, int limit) throws SQLException {
        return IdQueries.select(tx, this::rows, "SELECT " + COLUMNS + " FROM numbers WHERE suspension = ? "
                + "AND suspended_at <= ? ORDER BY e164 LIMIT ? FOR UPDATE", suspension.wireName(), Timestamp.from(before), limit);
    }

    @Override
    public List<NumberRecord> inService(Tx tx, String afterE164, int limit) throws SQLException {
        return IdQueries.select(tx, this::rows, "SELECT " + COLUMNS + " FROM numbers WHERE state IN " + OWNED_STATES
                + " AND e164 > ? ORDER BY e164 LIMIT ?", afterE164, limit);
    }

    @Override
    public List<NumberUser> forwardingUsers(Tx tx, String reference) throws SQLException {
        return IdQueries.query(tx, rs -> new NumberUser("forwarding of number", rs.getString(1), rs.getString(2)),
                "SELECT e164, account_id FROM numbers WHERE (forward_ref = ? OR forward_closed_ref = ?) AND state IN "
                        + OWNED_STATES + " ORDER BY e164", reference, reference);
    }

    @Override
    public List<NumberUser> scheduleUsers(Tx tx, String scheduleId) throws SQLException {
        return IdQueries.query(tx, rs -> new NumberUser("forwarding of number", rs.getString(1), rs.getString(2)),
                "SELECT e164, account_id FROM numbers WHERE forward_schedule_id = ? AND state IN " + OWNED_STATES + " ORDER BY e164",
                scheduleId);
    }

    /** What the closed-hours target of a scheduled forwarding refers to, so that deleting it finds this number. */
    private static String closedReference(Forwarding forwarding) {
        if (forwarding == null || forwarding.schedule() == null || forwarding.schedule().closedTarget() == null) {
            return null;
        }
        return forwarding.schedule().closedTarget().reference();
    }

    @Override
    public List<NumberUser> fallbackMediaUsers(Tx tx, String mediaId) throws SQLException {
        // the fallback column is the codec's JSON: find candidates by text, then decide on the decoded fallback
        try (PreparedStatement st = tx.connection().prepareStatement("SELECT e164, account_id, fallback FROM numbers "
                + "WHERE fallback LIKE ? ESCAPE '!' AND state IN " + OWNED_STATES + " ORDER BY e164")) {
            st.setString(1, "%" + mediaId.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            List<NumberUser> users = new ArrayList<>();
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Fallback fallback = codec.readFallback("fallback", mapper.readTree(rs.getString(3)));
                    if (mediaId.equals(mediaOf(fallback))) {
                        users.add(new NumberUser("fallback of number", rs.getString(1), rs.getString(2)));
                    }
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("a stored fallback is not JSON", e);
            }
            return users;
        }
    }

    private static String mediaOf(Fallback fallback) {
        return switch (fallback) {
            case Fallback.VoiceMessage message -> message.mediaId();
            case Fallback.Voicemail voicemail -> voicemail.greetingMediaId();
            default -> null;
        };
    }

    @Override
    public int reprice(Tx tx, PriceTable table) throws SQLException {
        List<PriceRule> rules = new ArrayList<>(table.rules());
        // Least specific first, so that a regional rule overwrites the country-wide one.
        rules.sort(Comparator.comparingInt(rule -> "*".equals(rule.regionPrefix()) ? 0 : rule.regionPrefix().length()));
        int changed = 0;
        for (PriceRule rule : rules) {
            SqlFilter filter = new SqlFilter().eq("country", rule.country().name())
                    .eq("number_type", rule.type().wireName())
                    .eq("category", rule.category().wireName())
                    .like("region", "*".equals(rule.regionPrefix()) ? null : rule.regionPrefix() + "%")
                    .raw("(connection_fee <> ? OR monthly_fee <> ? OR currency <> ?)",
                            rule.price().connectionFee().amount(), rule.price().monthlyFee().amount(),
                            rule.price().monthlyFee().currency())
                    .raw("e164 NOT IN (SELECT e164 FROM third_party_numbers)");
            try (PreparedStatement st = tx.connection().prepareStatement(
                    "UPDATE numbers SET connection_fee = ?, monthly_fee = ?, currency = ?" + filter.sql())) {
                st.setBigDecimal(1, rule.price().connectionFee().amount());
                st.setBigDecimal(2, rule.price().monthlyFee().amount());
                st.setString(3, rule.price().monthlyFee().currency());
                filter.bind(st, 4);
                changed += st.executeUpdate();
            }
        }
        return changed;
    }

    @Override
    public boolean delete(Tx tx, String e164) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM numbers WHERE e164 = ?", e164) == 1;
    }

    private List<NumberRecord> rows(PreparedStatement st) throws SQLException {
        return IdQueries.rows(st, this::record);
    }

    private NumberRecord record(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Price price = new Price(new Money(rs.getBigDecimal("connection_fee"), currency),
                new Money(rs.getBigDecimal("monthly_fee"), currency));
        String forwarding = rs.getString("forwarding");
        String fallback = rs.getString("fallback");
        try {
            return new NumberRecord(rs.getString("e164"), Country.valueOf(rs.getString("country")),
                    NumberType.fromWire(rs.getString("number_type")), rs.getString("region"), rs.getString("national"),
                    NumberCategory.fromWire(rs.getString("category")),
                    List.of(mapper.readValue(rs.getString("category_reasons"), String[].class)),
                    rs.getString("rule_set_version"), price, NumberState.fromWire(rs.getString("state")),
                    rs.getString("account_id"), rs.getString("reservation_id"), IdQueries.instant(rs, "reserved_until"),
                    IdQueries.instant(rs, "purchased_at"), IdQueries.instant(rs, "quarantine_until"), IdQueries.instant(rs, "state_changed_at"),
                    rs.getString("number_comment"),
                    forwarding == null ? null : codec.readForwarding("forwarding", mapper.readTree(forwarding)),
                    fallback == null ? null : codec.readFallback("fallback", mapper.readTree(fallback)),
                    Suspension.fromWire(rs.getString("suspension")), rs.getString("suspension_reason"), IdQueries.instant(rs, "suspended_at"),
                    complaintStop(rs));
        } catch (JsonProcessingException e) {
            throw new SQLException("unreadable JSON in number " + rs.getString("e164"), e);
        }
    }

    private static ComplaintStop complaintStop(ResultSet rs) throws SQLException {
        String ground = rs.getString("complaint_ground");
        return ground == null ? null : new ComplaintStop(WireName.exact(ComplaintStop.Ground.class, ground).orElseThrow(),
                rs.getString("complaint_reason"), rs.getString("complaint_reference"), IdQueries.instant(rs, "complaint_stopped_at"));
    }

    private String json(List<String> values) {
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always serialisable", e);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

}
