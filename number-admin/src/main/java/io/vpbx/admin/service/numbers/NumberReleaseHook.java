package io.vpbx.admin.service.numbers;

import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Instant;

/** Work that must happen in the same transaction as a number's disconnection (releasing its binding). */
@FunctionalInterface
public interface NumberReleaseHook {
    void released(Tx tx, String e164, Instant at) throws SQLException;
}
