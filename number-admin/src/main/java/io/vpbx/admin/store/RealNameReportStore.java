package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.RealNameRate;
import java.sql.SQLException;
import java.util.List;

/** The real-name rate of every account with active numbers, per jurisdiction (the numbers' country). */
public interface RealNameReportStore {
    List<RealNameRate> rates(Tx tx) throws SQLException;
}
