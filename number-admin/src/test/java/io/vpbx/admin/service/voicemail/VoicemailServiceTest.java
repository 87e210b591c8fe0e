package io.vpbx.admin.service.voicemail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.store.StorageException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Storing a voicemail: the message and its deliveries commit together or not at all. */
class VoicemailServiceTest {
    private final MailDeliveryTestBed bed = new MailDeliveryTestBed(clock -> mail -> { }, () -> 0.5);

    @AfterEach
    void close() {
        bed.close();
    }

    private int storedMessages() {
        return bed.db.database().inTransaction(tx -> {
            try (var st = tx.connection().prepareStatement("SELECT COUNT(*) FROM voicemails"); var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Test
    void eachDistinctRecipientGetsOneQueuedDelivery() {
        String id = bed.store(new byte[] {1, 2, 3}, "sales@acme.example", " sales@acme.example ", "employee:e-1", "");

        List<MailDelivery> rows = bed.deliveries(id);
        assertEquals(List.of("sales@acme.example", "employee:e-1"), rows.stream().map(MailDelivery::recipient).toList());
        assertTrue(rows.stream().allMatch(r -> r.state() == DeliveryState.QUEUED && r.attempts() == 0));
    }

    @Test
    void aDeliveryThatCannotBeQueuedTakesTheMessageBackWithIt() {
        // a recipient longer than the queue's column: the insert of the delivery fails after the message was written
        assertThrows(StorageException.class, () -> bed.store(new byte[] {1}, "sales@acme.example", "x".repeat(400) + "@acme.example"));

        assertEquals(0, storedMessages(), "nothing is stored half");
    }
}
