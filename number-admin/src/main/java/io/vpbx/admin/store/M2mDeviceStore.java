package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.domain.inventory.NumberUser;
import java.sql.SQLException;
import java.util.List;

/** M2M equipment of accounts. */
public interface M2mDeviceStore extends AccountResourceStore<M2mDevice> {
    /** The numbers bound to the device now, as "binding of number +7...". */
    List<NumberUser> bindingsOf(Tx tx, String deviceId) throws SQLException;
}
