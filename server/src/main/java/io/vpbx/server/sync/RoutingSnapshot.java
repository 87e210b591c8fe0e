package io.vpbx.server.sync;

import io.vpbx.admin.store.jdbc.Database;
import io.vpbx.admin.store.jdbc.JdbcSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's local copy of what routing and the registrar need, to start from when the database is unreachable: the
 * rows of {@link #TABLES} (owned numbers only, not the catalog), copied into an H2 file database of the same schema
 * (the same migrations), with the audit log position the copy is as new as. Written into a new file that then
 * replaces the old one in one rename, so that a crash leaves the old snapshot or the new one, never half of one.
 *
 * <p>Secrets stay as the database keeps them: SIP passwords as their HA1 digests, third-party line passwords sealed
 * with the document keys (which never go into the snapshot); the file is readable by the vpbx user alone. Personal
 * data of the compliance side (end users, documents, registry requests), API keys, call records and media are not
 * copied: a node in degraded mode routes calls, it does not serve the admin API.
 */
public final class RoutingSnapshot {
    private static final Logger log = LoggerFactory.getLogger(RoutingSnapshot.class);
    private static final String NAME = "routing-snapshot";
    private static final String NEW_NAME = "routing-snapshot-new";
    private static final String H2_SUFFIX = ".mv.db";
    private static final int BATCH = 1_000;

    /** What the routing table, the SIP credentials and the registrar's bindings are loaded from. */
    static final List<String> TABLES = List.of("accounts", "account_limits", "settings", "numbers", "trunks",
            "trunk_source_addresses", "departments", "department_members", "schedules", "employees", "caller_ids",
            "scenarios", "scenario_versions", "scenario_references", "third_party_numbers", "third_party_status",
            "sip_registrations");

    private final Path folder;

    public RoutingSnapshot(Path folder) {
        this.folder = folder;
    }

    /** Whether a snapshot was ever written here. */
    public boolean exists() {
        return Files.exists(folder.resolve(NAME + H2_SUFFIX));
    }

    /**
     * Copies the routing rows from {@code source} into a new snapshot and puts it in place of the old one.
     * {@code auditPosition} is read by the caller before the copy starts: a change committed during the copy is
     * applied again at catch-up, never missed.
     */
    public void write(DataSource source, long auditPosition) {
        long start = System.nanoTime();
        Path fresh = folder.resolve(NEW_NAME + H2_SUFFIX);
        Path current = folder.resolve(NAME + H2_SUFFIX);
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(fresh);
            if (Files.exists(current)) {
                // its schema is migrated already: emptied and refilled, where a new file ran every migration again
                Files.copy(current, fresh);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the routing snapshot in " + folder, e);
        }
        long rows = 0;
        try (Database copy = Database.open(settings(NEW_NAME)); Connection from = source.getConnection();
             Connection to = copy.dataSource().getConnection()) {
            try (Statement st = to.createStatement()) {
                st.execute("SET REFERENTIAL_INTEGRITY FALSE"); // only routing's tables come: references may point elsewhere
                st.execute("DROP TABLE IF EXISTS snapshot_position");
                st.execute("CREATE TABLE snapshot_position (audit_position BIGINT NOT NULL)");
                for (String table : TABLES) {
                    st.execute("DELETE FROM " + table);
                }
            }
            for (String table : TABLES) {
                rows += copyTable(from, to, table);
            }
            try (PreparedStatement st = to.prepareStatement("INSERT INTO snapshot_position VALUES (?)")) {
                st.setLong(1, auditPosition);
                st.executeUpdate();
            }
            to.commit();
            from.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the routing snapshot: " + e.getMessage(), e);
        }
        try {
            Files.move(fresh, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            ownerOnly(current);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot put the routing snapshot in place in " + folder, e);
        }
        log.info("routing snapshot written: {} rows as of audit position {} in {} ms", rows, auditPosition,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** The snapshot, opened read-only as a database the routing source and the registrar can load from. */
    public Optional<Snapshot> open() {
        if (!exists()) {
            return Optional.empty();
        }
        Database database = Database.open(settings(NAME));
        long position = database.inTransaction(tx -> {
            try (Statement st = tx.connection().createStatement();
                 ResultSet rs = st.executeQuery("SELECT audit_position FROM snapshot_position")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
        return Optional.of(new Snapshot(database, position));
    }

    /** An opened snapshot and the audit log position it is as new as; close it once loaded. */
    public record Snapshot(Database database, long auditPosition) implements AutoCloseable {
        @Override
        public void close() {
            database.close();
        }
    }

    private JdbcSettings settings(String name) {
        String file = folder.toAbsolutePath().normalize().resolve(name).toString();
        return new JdbcSettings("jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
                "sa", "", 2, null);
    }

    private static long copyTable(Connection from, Connection to, String table) throws SQLException {
        String where = table.equals("numbers") ? " WHERE account_id IS NOT NULL" : ""; // owned numbers, not the catalog
        long rows = 0;
        try (Statement select = from.createStatement()) {
            select.setFetchSize(BATCH);
            try (ResultSet rs = select.executeQuery("SELECT * FROM " + table + where)) {
                ResultSetMetaData meta = rs.getMetaData();
                StringJoiner columns = new StringJoiner(", ");
                StringJoiner marks = new StringJoiner(", ");
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                    marks.add("?");
                }
                try (PreparedStatement insert = to.prepareStatement(
                        "INSERT INTO " + table + " (" + columns + ") VALUES (" + marks + ")")) {
                    while (rs.next()) {
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            insert.setObject(i, rs.getObject(i));
                        }
                        insert.addBatch();
                        if (++rows % BATCH == 0) {
                            insert.executeBatch();
                        }
                    }
                    insert.executeBatch();
                }
            }
        }
        return rows;
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its own access control applies
        }
    }
}
