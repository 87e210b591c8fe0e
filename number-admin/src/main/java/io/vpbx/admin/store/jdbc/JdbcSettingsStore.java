package io.vpbx.admin.store.jdbc;

import io.vpbx.admin.store.SettingsStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.Optional;

public final class JdbcSettingsStore implements SettingsStore {

    @Override
    public Optional<String> get(Tx tx, String name) throws SQLException {
        return IdQueries.firstString(tx, "SELECT setting_value FROM settings WHERE setting_name = ?", name);
    }

    @Override
    public void put(Tx tx, String name, String value) throws SQLException {
        if (IdQueries.update(tx, "UPDATE settings SET setting_value = ? WHERE setting_name = ?", value, name) == 1) {
            return;
        }
        IdQueries.update(tx, "INSERT INTO settings (setting_name, setting_value) VALUES (?, ?)", name, value);
    }
}
