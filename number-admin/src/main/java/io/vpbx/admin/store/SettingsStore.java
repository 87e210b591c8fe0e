package io.vpbx.admin.store;

import java.sql.SQLException;
import java.util.Optional;

/** Small named platform facts kept in the database, such as the price table's fingerprint. */
public interface SettingsStore {
    Optional<String> get(Tx tx, String name) throws SQLException;

    void put(Tx tx, String name, String value) throws SQLException;
}
