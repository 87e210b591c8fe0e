package io.vpbx.admin.service.thirdparty;

import io.vpbx.admin.domain.thirdparty.RegistrationHistoryEntry;
import io.vpbx.admin.domain.thirdparty.RegistrationReport;
import io.vpbx.admin.domain.thirdparty.RegistrationStatus;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.service.events.EventSink;
import io.vpbx.admin.service.events.NewEvent;
import io.vpbx.admin.store.RegistrationStatusStore;
import io.vpbx.admin.store.ThirdPartyNumberStore;
import io.vpbx.admin.store.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the SIP side reports how third-party lines' registrations go. A batch is written in one transaction:
 * each line's status row takes the report (so every refresh moves registered_until), and the history gets a
 * row only for a transition (a new state or a new SIP answer), so a line that stays registered does not flood
 * it. Reports for numbers no longer connected are dropped, as are reports older than the stored status (two
 * nodes reporting out of order). Not audited: this is the SIP side's observation, not an admin change.
 */
public final class RegistrationReports {
    private final Transactions transactions;
    private final ThirdPartyNumberStore lines;
    private final RegistrationStatusStore statuses;

    private final EventSink events;
    private final RegistrationFailureNotice notice;

    public RegistrationReports(Transactions transactions, ThirdPartyNumberStore lines, RegistrationStatusStore statuses) {
        this(transactions, lines, statuses, EventSink.NONE);
    }

    /** {@code events}: where line.registration_changed is recorded for each transition, in the batch's transaction. */
    public RegistrationReports(Transactions transactions, ThirdPartyNumberStore lines, RegistrationStatusStore statuses,
                               EventSink events) {
        this(transactions, lines, statuses, events, null);
    }

    /** {@code notice}: e-mails the account when a line falls out of registration (null: nobody is told). */
    public RegistrationReports(Transactions transactions, ThirdPartyNumberStore lines, RegistrationStatusStore statuses,
                               EventSink events, RegistrationFailureNotice notice) {
        this.notice = notice;
        this.events = events;
        this.transactions = transactions;
        this.statuses = statuses;
        this.lines = lines;
    }

    /** Applies the batch in order, all of it or (on a failure) none of it. */
    public void recordRegistrations(List<RegistrationReport> batch) {
        if (batch.isEmpty()) {
            return;
        }
        transactions.inTransaction(tx -> {
            Set<String> connected = lines.lockConnected(tx, batch.stream().map(RegistrationReport::e164).toList());
            Map<String, RegistrationStatus> stored = new java.util.HashMap<>(statuses.lock(tx, connected));
            List<RegistrationHistoryEntry> history = new ArrayList<>();
            List<NewEvent> changed = new ArrayList<>();
            for (RegistrationReport transition : batch) {
                if (!connected.contains(transition.e164())) {
                    continue;
                }
                RegistrationStatus previous = stored.get(transition.e164());
                if (previous != null && transition.at().isBefore(previous.updatedAt())) {
                    continue;
                }
                RegistrationStatus next = RegistrationStatus.of(transition);
                if (previous == null || previous.isTransitionTo(next)) {
                    history.add(RegistrationHistoryEntry.of(next));
                    Optional<ThirdPartyNumberStore.SealedLine> line = lines.find(tx, next.e164());
                    if (line.isPresent()) {
                        changed.add(new NewEvent(line.get().number().accountId(), EventType.LINE_REGISTRATION_CHANGED, next.updatedAt(),
                                changeData(previous, next)));
                        if (notice != null) {
                            notice.changed(tx, line.get().number().accountId(), previous, next);
                        }
                    }
                }
                statuses.put(tx, next, previous != null);
                stored.put(next.e164(), next);
            }
            statuses.append(tx, history);
            events.record(tx, changed);
            return null;
        });
    }

    /** What line.registration_changed carries: the line's number, its new state and answer, and the state before. */
    private static ObjectNode changeData(RegistrationStatus previous, RegistrationStatus next) {
        return JsonNodeFactory.instance.objectNode()
                .put("number", next.e164())
                .put("state", next.state().wireName())
                .put("previous_state", previous == null ? null : previous.state().wireName())
                .put("last_code", next.lastCode())
                .put("last_reason", next.lastReason())
                .put("registered_until", next.registeredUntil() == null ? null : next.registeredUntil().toString())
                .put("next_attempt_at", next.nextAttemptAt() == null ? null : next.nextAttemptAt().toString());
    }
}
