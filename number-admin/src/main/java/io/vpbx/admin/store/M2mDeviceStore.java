package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.inventory.NumberUser;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** M2M equipment of accounts. */
public interface M2mDeviceStore {
    void create(Tx tx, M2mDevice device) throws SQLException;

    Optional<M2mDevice> find(Tx tx, String accountId, String deviceId) throws SQLException;

    /** Locked until the transaction ends. */
    Optional<M2mDevice> lock(Tx tx, String accountId, String deviceId) throws SQLException;

    void update(Tx tx, M2mDevice device) throws SQLException;

    void delete(Tx tx, String accountId, String deviceId) throws SQLException;

    List<M2mDevice> list(Tx tx, String accountId, String afterId, int limit) throws SQLException;

    /** The numbers bound to the device now, as "binding of number +7...". */
    List<NumberUser> bindingsOf(Tx tx, String deviceId) throws SQLException;
}
