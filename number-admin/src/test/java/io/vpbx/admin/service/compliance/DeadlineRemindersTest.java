package io.vpbx.admin.service.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.TestBindings;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.contact.OutboxMessage;
import io.vpbx.admin.domain.event.EventType;
import io.vpbx.admin.service.contacts.OutboxEmailGateway;
import io.vpbx.admin.service.contacts.OutboxSmsGateway;
import io.vpbx.admin.service.events.NewEvent;
import io.vpbx.admin.store.jdbc.JdbcAccountStore;
import io.vpbx.admin.store.jdbc.JdbcBindingStore;
import io.vpbx.admin.store.jdbc.JdbcOutboxStore;
import io.vpbx.admin.store.jdbc.JdbcReminderStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reminders before a confirmation deadline: 7 days and 1 day before, once each, as a compliance.deadline_approaching
 * event, an e-mail to the account's contact address and a text to the end user (here through the development outbox).
 */
class DeadlineRemindersTest {
    private static final Instant DEADLINE = Instant.parse("2026-12-01T10:00:00Z");

    private final ComplianceTestBed bed = new ComplianceTestBed();
    private final JdbcOutboxStore outbox = new JdbcOutboxStore();
    private final List<NewEvent> events = new ArrayList<>();

    @AfterEach
    void close() {
        bed.close();
    }

    private DeadlineReminders reminders(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new DeadlineReminders(bed.database(), new JdbcBindingStore(), new JdbcReminderStore(), new JdbcAccountStore(),
                bed.endUserStore, (tx, batch) -> events.addAll(batch), new OutboxEmailGateway(outbox, clock),
                new OutboxSmsGateway(outbox, clock), clock);
    }

    @Test
    void dueIsTheSmallestWindowTheDeadlineIsWithin() {
        assertEquals(Optional.empty(), DeadlineReminders.due(DEADLINE, DEADLINE.minus(Duration.ofDays(8))));
        assertEquals(Optional.of(7), DeadlineReminders.due(DEADLINE, DEADLINE.minus(Duration.ofDays(7))));
        assertEquals(Optional.of(7), DeadlineReminders.due(DEADLINE, DEADLINE.minus(Duration.ofDays(2))));
        assertEquals(Optional.of(1), DeadlineReminders.due(DEADLINE, DEADLINE.minus(Duration.ofHours(5))));
        assertEquals(Optional.empty(), DeadlineReminders.due(DEADLINE, DEADLINE));
    }

    @Test
    void aPendingBindingIsRemindedSevenDaysAndOneDayBeforeOnceEach() {
        EndUser anna = bed.endUsers.create(bed.acme, new EndUserService.Draft("person", "employee", "RU", "Anna Petrova",
                LocalDate.parse("1990-05-17"), "Moscow, Tverskaya 1", "8 (916) 123-45-67", "anna@example.com",
                new EndUserService.Document("ru_internal_passport", "4508 123456", null), null, null));
        bed.database().inTransaction(tx -> {
            try (var st = tx.connection().prepareStatement("UPDATE accounts SET contact_email = 'ops@acme.example' WHERE id = 'acc-1'")) {
                st.executeUpdate();
            }
            TestBindings.bind(tx, "+74951230001", "acc-1", "end_user", anna.id());
            try (var st = tx.connection().prepareStatement("UPDATE number_bindings SET status = 'pending', deadline_at = ?")) {
                st.setObject(1, OffsetDateTime.ofInstant(DEADLINE, ZoneOffset.UTC));
                st.executeUpdate();
            }
            return null;
        });

        assertEquals(0, reminders(DEADLINE.minus(Duration.ofDays(8))).sendDue(), "not yet");
        assertEquals(1, reminders(DEADLINE.minus(Duration.ofDays(6))).sendDue());
        assertEquals(0, reminders(DEADLINE.minus(Duration.ofDays(5))).sendDue(), "the 7-day reminder went already");
        assertEquals(1, reminders(DEADLINE.minus(Duration.ofHours(20))).sendDue());
        assertEquals(0, reminders(DEADLINE.minus(Duration.ofHours(2))).sendDue());

        assertEquals(List.of(EventType.COMPLIANCE_DEADLINE_APPROACHING, EventType.COMPLIANCE_DEADLINE_APPROACHING),
                events.stream().map(NewEvent::type).toList());
        assertEquals(List.of(7, 1), events.stream().map(e -> e.data().get("days_before").asInt()).toList());
        assertEquals("+74951230001", events.get(0).data().get("number").asText());
        List<OutboxMessage> mail = bed.database().inTransaction(tx -> outbox.email(tx, "ops@acme.example", 10));
        assertEquals(2, mail.size());
        List<OutboxMessage> texts = bed.database().inTransaction(tx -> outbox.sms(tx, "+79161234567", 10));
        assertEquals(2, texts.size());
        assertTrue(texts.get(0).body().contains("+74951230001"), texts.get(0).body());
    }
}
