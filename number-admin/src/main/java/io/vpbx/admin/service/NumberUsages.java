package io.vpbx.admin.service;

import io.vpbx.admin.domain.inventory.NumberUser;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.util.List;

/**
 * What still uses a number or resource: forwarding rules now; outbound caller IDs and trunks join as
 * further implementations when those features arrive. A disconnect or delete with users is refused.
 */
@FunctionalInterface
public interface NumberUsages {
    List<NumberUser> usersOf(Tx tx, String reference) throws SQLException;
}
