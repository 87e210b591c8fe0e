package io.vpbx.admin.store;

import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.AuditQuery;
import java.sql.SQLException;
import java.util.List;

/** The append-only audit log. */
public interface AuditStore {
    void append(Tx tx, AuditEvent event) throws SQLException;

    List<AuditEvent> query(Tx tx, AuditQuery query) throws SQLException;
}
