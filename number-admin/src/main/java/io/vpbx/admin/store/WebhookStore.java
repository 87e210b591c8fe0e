package io.vpbx.admin.store;

import io.vpbx.admin.domain.event.Webhook;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Accounts' webhook subscriptions. */
public interface WebhookStore extends AccountResourceStore<Webhook> {
    /** An account's enabled subscriptions (the outbox picks those that want an event). */
    List<Webhook> enabledOf(Tx tx, String accountId) throws SQLException;

    /** A subscription by id whatever its account: for the delivery worker. */
    Optional<Webhook> findAny(Tx tx, String id) throws SQLException;
}
