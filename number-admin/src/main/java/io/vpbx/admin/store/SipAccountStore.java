package io.vpbx.admin.store;

import io.vpbx.admin.domain.staff.SipAccount;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Employees' SIP accounts across all accounts, for the registrar's in-memory credentials: every one at
 * startup, then single ones as changes are announced. Never read on the SIP thread.
 */
public interface SipAccountStore {
    /** The SIP account of the employee, whichever account employs them. */
    Optional<SipAccount> find(Tx tx, String employeeId) throws SQLException;

    /** Streams every SIP account to {@code sink}; returns how many. */
    int all(Tx tx, Consumer<SipAccount> sink) throws SQLException;
}
