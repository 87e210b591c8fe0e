package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;

/**
 * Told, inside the transaction that makes the change, whenever an end user's document status changes:
 * the operator's verdict, or a new valid document sent by the account. What suspends and restores the
 * end user's numbers listens here; a failure rolls the status change back with it.
 */
@FunctionalInterface
public interface DocumentStatusListener {
    /** Listens to nothing: for wiring without number suspension, and for tests. */
    DocumentStatusListener NONE = (tx, before, after) -> { };

    void statusChanged(Tx tx, EndUser before, EndUser after) throws SQLException;
}
