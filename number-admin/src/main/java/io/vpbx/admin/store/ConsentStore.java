package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.Consent;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** End users' consents, newest first. */
public interface ConsentStore {
    void create(Tx tx, Consent consent) throws SQLException;

    List<Consent> list(Tx tx, String endUserId) throws SQLException;

    /** Marks every consent of the end user still in force withdrawn at {@code at}; returns how many. */
    int withdrawAll(Tx tx, String endUserId, Instant at) throws SQLException;
}
