package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.SettingsStore;
import io.vpbx.admin.store.Tx;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

public final class JdbcSettingsStore implements SettingsStore {

    @Override
    public Optional<String> get(Tx tx, String name) throws SQLException {
        return IdQueries.firstString(tx, "SELECT setting_value FROM settings WHERE setting_name = ?", name);
    }

    @Override
    public void put(Tx tx, String name, String value) throws SQLException {
        try (PreparedStatement update = tx.connection().prepareStatement("UPDATE settings SET setting_value = ? WHERE setting_name = ?")) {
            update.setString(1, value);
            update.setString(2, name);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = tx.connection().prepareStatement("INSERT INTO settings (setting_name, setting_value) VALUES (?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, value);
            insert.executeUpdate();
        }
    }
}
