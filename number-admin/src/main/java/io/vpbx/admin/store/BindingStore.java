package io.vpbx.admin.store;

import io.vpbx.admin.domain.compliance.Binding;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Numbers' current bindings to a responsible holder. */
public interface BindingStore {
    Optional<Binding> find(Tx tx, String e164) throws SQLException;

    /** Replaces the number's binding (one per number). */
    void put(Tx tx, Binding binding) throws SQLException;

    void delete(Tx tx, String e164) throws SQLException;

    /**
     * Numbers in service bound (pending or confirmed) to a document with this fingerprint, across all accounts,
     * with this billing (null: any billing), not counting {@code exceptE164}.
     */
    int countByDocument(Tx tx, String fingerprint, Binding.Billing billing, String exceptE164) throws SQLException;

    List<Binding> byHolder(Tx tx, Binding.HolderType type, String holderId) throws SQLException;

    /**
     * Numbers whose confirmation deadline passed: bound but still pending at {@code now}, or never bound and
     * bought before {@code purchasedBefore}. At most {@code limit}.
     */
    List<String> pastDeadline(Tx tx, Instant now, Instant purchasedBefore, int limit) throws SQLException;

    /** Bindings still pending whose deadline falls after {@code now} and at or before {@code until}, soonest first. */
    List<Binding> pendingDeadlineWithin(Tx tx, Instant now, Instant until, int limit) throws SQLException;
}
