package io.vpbx.admin.store;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * One open database transaction. Stores take it as a parameter so that a service can make several
 * stores' changes commit or roll back together (a purchase, a bulk change and its audit entries).
 */
public final class Tx {
    private final Connection connection;
    private final List<Runnable> afterCommit = new ArrayList<>();

    public Tx(Connection connection) {
        this.connection = connection;
    }

    public Connection connection() {
        return connection;
    }

    /** Work that must see the change committed (refreshing the routing table); dropped on rollback. */
    public void afterCommit(Runnable action) {
        afterCommit.add(action);
    }

    /** The actions registered with {@link #afterCommit}, in order; called by the transaction owner after commit. */
    public List<Runnable> committedActions() {
        return List.copyOf(afterCommit);
    }
}
