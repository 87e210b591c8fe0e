package io.vpbx.admin.store;

import io.vpbx.admin.domain.cdr.CallRecordQuery;
import io.vpbx.admin.domain.cdr.StoredCallRecord;
import io.vpbx.telephony.cdr.CallRecord;
import java.sql.SQLException;
import java.util.List;

/**
 * Call detail records: appended in batches by the writer behind the SIP proxy, never changed, read per
 * account newest first.
 */
public interface CallRecordStore {

    /** Appends {@code records} within {@code tx} in one go (one COPY on PostgreSQL, one JDBC batch elsewhere). */
    void append(Tx tx, List<CallRecord> records) throws SQLException;

    /** The records matching {@code query}, newest first, after its cursor, at most its limit. */
    List<StoredCallRecord> query(Tx tx, CallRecordQuery query) throws SQLException;
}
