package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.M2mDeviceStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** M2M devices in the m2m_devices table. */
public final class JdbcM2mDeviceStore implements M2mDeviceStore {
    private static final String COLUMNS = "id, account_id, device_type, model, serial_number, imei, installation_address, "
            + "created_at, updated_at";

    @Override
    public void create(Tx tx, M2mDevice d) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("INSERT INTO m2m_devices (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            st.setString(1, d.id());
            st.setString(2, d.accountId());
            st.setString(3, d.type().wireName());
            st.setString(4, d.model());
            st.setString(5, d.serialNumber());
            st.setString(6, d.imei());
            st.setString(7, d.installationAddress());
            st.setObject(8, OffsetDateTime.ofInstant(d.createdAt(), ZoneOffset.UTC));
            st.setObject(9, OffsetDateTime.ofInstant(d.updatedAt(), ZoneOffset.UTC));
            st.executeUpdate();
        }
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
        try (PreparedStatement st = tx.connection().prepareStatement("UPDATE m2m_devices SET device_type = ?, model = ?, "
                + "serial_number = ?, imei = ?, installation_address = ?, updated_at = ? WHERE id = ? AND account_id = ?")) {
            st.setString(1, d.type().wireName());
            st.setString(2, d.model());
            st.setString(3, d.serialNumber());
            st.setString(4, d.imei());
            st.setString(5, d.installationAddress());
            st.setObject(6, OffsetDateTime.ofInstant(d.updatedAt(), ZoneOffset.UTC));
            st.setString(7, d.id());
            st.setString(8, d.accountId());
            if (st.executeUpdate() != 1) {
                throw new SQLException("m2m device " + d.id() + " vanished while being saved");
            }
        }
    }

    @Override
    public boolean delete(Tx tx, String accountId, String deviceId) throws SQLException {
        try (PreparedStatement st = tx.connection().prepareStatement("DELETE FROM m2m_devices WHERE id = ? AND account_id = ?")) {
            st.setString(1, deviceId);
            st.setString(2, accountId);
            return st.executeUpdate() == 1;
        }
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
        List<M2mDevice> devices = new ArrayList<>();
        try (ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                devices.add(new M2mDevice(rs.getString("id"), rs.getString("account_id"),
                        M2mDevice.DeviceType.valueOf(rs.getString("device_type").toUpperCase(Locale.ROOT)), rs.getString("model"),
                        rs.getString("serial_number"), rs.getString("imei"), rs.getString("installation_address"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("updated_at", OffsetDateTime.class).toInstant()));
            }
        }
        return devices;
    }
}
