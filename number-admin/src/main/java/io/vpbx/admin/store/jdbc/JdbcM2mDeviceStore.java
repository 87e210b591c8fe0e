package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.M2mDeviceStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** M2M devices in the m2m_devices table. */
public final class JdbcM2mDeviceStore implements M2mDeviceStore {
    private static final String COLUMNS = "id, account_id, device_type, model, serial_number, imei, installation_address, "
            + "created_at, updated_at";

    @Override
    public void create(Tx tx, M2mDevice d) throws SQLException {
        IdQueries.update(tx, "INSERT INTO m2m_devices (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                d.id(), d.accountId(), d.type().wireName(), d.model(), d.serialNumber(), d.imei(), d.installationAddress(),
                IdQueries.utc(d.createdAt()), IdQueries.utc(d.updatedAt()));
    }

    @Override
    public Optional<M2mDevice> find(Tx tx, String accountId, String deviceId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM m2m_devices WHERE id = ? AND account_id = ?", deviceId, accountId);
    }

    @Override
    public Optional<M2mDevice> lock(Tx tx, String accountId, String deviceId) throws SQLException {
        return one(tx, "SELECT " + COLUMNS + " FROM m2m_devices WHERE id = ? AND account_id = ? FOR UPDATE", deviceId, accountId);
    }

    /** Writes every field but the id, the account and the creation time. */
    @Override
    public void update(Tx tx, M2mDevice d) throws SQLException {
        IdQueries.updateOne(tx, "m2m device " + d.id(), "UPDATE m2m_devices SET device_type = ?, model = ?, serial_number = ?, "
                + "imei = ?, installation_address = ?, updated_at = ? WHERE id = ? AND account_id = ?", d.type().wireName(),
                d.model(), d.serialNumber(), d.imei(), d.installationAddress(), IdQueries.utc(d.updatedAt()), d.id(), d.accountId());
    }

    @Override
    public boolean delete(Tx tx, String accountId, String deviceId) throws SQLException {
        return IdQueries.update(tx, "DELETE FROM m2m_devices WHERE id = ? AND account_id = ?", deviceId, accountId) == 1;
    }

    @Override
    public List<M2mDevice> list(Tx tx, String accountId, String afterId, int limit) throws SQLException {
        return IdQueries.accountPage(tx, JdbcM2mDeviceStore::rows, "SELECT " + COLUMNS + " FROM m2m_devices", accountId, afterId, limit);
    }

    @Override
    public List<NumberUser> bindingsOf(Tx tx, String deviceId) throws SQLException {
        return HolderBindings.of(tx, Binding.HolderType.M2M_DEVICE, deviceId);
    }

    private Optional<M2mDevice> one(Tx tx, String sql, String... values) throws SQLException {
        return IdQueries.first(tx, JdbcM2mDeviceStore::rows, sql, values);
    }

    private static List<M2mDevice> rows(PreparedStatement st) throws SQLException {
        return IdQueries.rows(st, rs -> new M2mDevice(rs.getString("id"), rs.getString("account_id"),
                M2mDevice.DeviceType.valueOf(rs.getString("device_type").toUpperCase(Locale.ROOT)), rs.getString("model"),
                rs.getString("serial_number"), rs.getString("imei"), rs.getString("installation_address"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant()));
    }

}
