package io.vpbx.admin.service.audit;

import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.store.AuditStore;
import io.vpbx.admin.store.Tx;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;

/**
 * Writes audit entries inside the transaction of the change they describe, so neither exists without the
 * other (nor the events derived from it, see {@link AuditedEventSink}); every change is also announced to the change listener once committed.
 */
public final class Auditor {
    private final AuditStore store;
    private final Clock clock;
    private final ChangeListener listener;
    private final AuditedEventSink events;

    public Auditor(AuditStore store, Clock clock) {
        this(store, clock, ChangeListener.NONE);
    }

    public Auditor(AuditStore store, Clock clock, ChangeListener listener) {
        this(store, clock, listener, AuditedEventSink.NONE);
    }

    /** {@code events} hears of each entry inside its transaction (the event outbox). */
    public Auditor(AuditStore store, Clock clock, ChangeListener listener, AuditedEventSink events) {
        this.store = store;
        this.clock = clock;
        this.listener = listener;
        this.events = events;
    }

    public void record(Tx tx, RequestContext ctx, String accountId, String action, String resourceType, String resourceId,
                       List<FieldChange> changes) throws SQLException {
        AuditEvent entry = new AuditEvent(0, clock.instant(), accountId, ctx.principal().actor(), ctx.sourceIp(),
                ctx.requestId(), action, resourceType, resourceId, changes);
        store.append(tx, entry);
        events.audited(tx, entry);
        tx.afterCommit(() -> listener.changed(resourceType, resourceId));
    }

    /**
     * Tells the change listener of a resource once committed, without an audit entry: for a resource read together
     * with one that was audited (a third-party line's number entry when only the line changed).
     */
    public void announce(Tx tx, String resourceType, String resourceId) {
        tx.afterCommit(() -> listener.changed(resourceType, resourceId));
    }
}
