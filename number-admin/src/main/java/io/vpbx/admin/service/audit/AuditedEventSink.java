package io.vpbx.admin.service.audit;

import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;

/**
 * Hears of every audit entry inside the transaction that writes it: how events for accounts' systems (a number's
 * state changed) are written with the change, without each service knowing of them.
 */
@FunctionalInterface
public interface AuditedEventSink {
    AuditedEventSink NONE = (tx, entry) -> { };

    void audited(Tx tx, AuditEvent entry) throws SQLException;
}
