package io.vpbx.admin.store;

import java.sql.Connection;

/**
 * One open database transaction. Stores take it as a parameter so that a service can make several
 * stores' changes commit or roll back together (a purchase, a bulk change and its audit entries).
 */
public final class Tx {
    private final Connection connection;

    public Tx(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }
}
