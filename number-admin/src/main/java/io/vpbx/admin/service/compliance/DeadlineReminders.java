package io.vpbx.admin.service.compliance;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vpbx.admin.domain.account.Account;
import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.service.contacts.EmailGateway;
import io.vpbx.admin.service.contacts.SmsGateway;
import io.vpbx.admin.service.events.EventSink;
import io.vpbx.admin.service.events.NewEvent;
import io.vpbx.admin.store.AccountStore;
import io.vpbx.admin.store.BindingStore;
import io.vpbx.admin.store.EndUserStore;
import io.vpbx.admin.store.ReminderStore;
import io.vpbx.admin.store.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reminders before a binding's confirmation deadline blocks its number: 7 days and 1 day before, once each (the
 * reminder is recorded with the deadline, so a sweep that runs again, or on another node, sends nothing twice). Each
 * reminder is a {@code compliance.deadline_approaching} event, an e-mail to the account's contact address and a
 * text to the end user's contact phone (when they have them), all in one transaction per binding.
 */
public final class DeadlineReminders {
    /** How long before the deadline each reminder goes, largest first. */
    static final List<Integer> DAYS_BEFORE = List.of(7, 1);
    private static final int BATCH = 200;

    private final Transactions transactions;
    private final BindingStore bindings;
    private final ReminderStore reminders;
    private final AccountStore accounts;
    private final EndUserStore endUsers;
    private final EventSink events;
    private final EmailGateway email;
    private final SmsGateway sms;
    private final Clock clock;

    public DeadlineReminders(Transactions transactions, BindingStore bindings, ReminderStore reminders, AccountStore accounts,
                             EndUserStore endUsers, EventSink events, EmailGateway email, SmsGateway sms, Clock clock) {
        this.transactions = transactions;
        this.bindings = bindings;
        this.reminders = reminders;
        this.accounts = accounts;
        this.endUsers = endUsers;
        this.events = events;
        this.email = email;
        this.sms = sms;
        this.clock = clock;
    }

    /** Sends the reminders due now; returns how many. */
    public int sendDue() {
        Instant now = clock.instant();
        List<Binding> pending = transactions.inTransaction(tx -> bindings.pendingDeadlineWithin(tx, now,
                now.plus(Duration.ofDays(DAYS_BEFORE.get(0))), BATCH));
        int sent = 0;
        for (Binding binding : pending) {
            Optional<Integer> days = due(binding.deadlineAt(), now);
            if (days.isPresent() && remind(binding, days.get(), now)) {
                sent++;
            }
        }
        return sent;
    }

    /** The reminder a deadline calls for at {@code now} (pure): the smallest "days before" it is within. */
    static Optional<Integer> due(Instant deadline, Instant now) {
        Duration left = Duration.between(now, deadline);
        if (left.isNegative() || left.isZero()) {
            return Optional.empty();
        }
        return DAYS_BEFORE.stream().filter(days -> left.compareTo(Duration.ofDays(days)) <= 0)
                .reduce((first, second) -> second);
    }

    private boolean remind(Binding binding, int days, Instant now) {
        return transactions.inTransaction(tx -> {
            if (!reminders.record(tx, binding.e164(), binding.deadlineAt(), days, now)) {
                return false;
            }
            events.record(tx, List.of(new NewEvent(binding.accountId(), EventType.COMPLIANCE_DEADLINE_APPROACHING, now,
                    JsonNodeFactory.instance.objectNode()
                            .put("number", binding.e164())
                            .put("deadline_at", binding.deadlineAt().toString())
                            .put("days_before", days)
                            .put("holder_type", binding.holderType().name().toLowerCase(java.util.Locale.ROOT))
                            .put("holder_id", binding.holderId()))));
            String text = "vpbx: number " + binding.e164() + " will be blocked on " + binding.deadlineAt()
                    + " unless its responsible end user confirms it (" + days + (days == 1 ? " day" : " days") + " left).";
            Optional<Account> account = accounts.find(tx, binding.accountId());
            if (account.isPresent() && account.get().contactEmail() != null) {
                email.send(tx, account.get().contactEmail(), "Number " + binding.e164() + ": confirmation due in " + days
                        + (days == 1 ? " day" : " days"), text);
            }
            if (binding.holderType() == Binding.HolderType.END_USER) {
                Optional<EndUser> holder = endUsers.find(tx, binding.accountId(), binding.holderId());
                if (holder.isPresent() && holder.get().contactPhone() != null) {
                    sms.send(tx, holder.get().contactPhone(), text);
                }
            }
            return true;
        });
    }
}
