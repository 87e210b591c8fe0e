package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.RegistryRequest;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Registry requests vpbx filed and their outcome. */
public interface RegistryRequestStore {
    void create(Tx tx, RegistryRequest request) throws SQLException;

    /** Locked until the transaction ends; {@code accountId} null finds it in any account (the operator). */
    Optional<RegistryRequest> lock(Tx tx, String accountId, String requestId) throws SQLException;

    void update(Tx tx, RegistryRequest request) throws SQLException;

    List<RegistryRequest> forNumber(Tx tx, String accountId, String e164) throws SQLException;
}
