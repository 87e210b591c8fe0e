package io.vpbx.admin.store;

import java.sql.SQLException;

/** Work done inside one transaction. */
@FunctionalInterface
public interface TxWork<T> {
    T run(Tx tx) throws SQLException;
}
