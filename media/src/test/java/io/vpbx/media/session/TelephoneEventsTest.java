package io.vpbx.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.vpbx.media.RtpPeer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelephoneEventsTest {

    private final List<String> heard = new ArrayList<>();
    private final TelephoneEvents events = new TelephoneEvents(new TelephoneEvents.Listener() {
        @Override
        public void started(char digit, int timestamp) {
            heard.add("start " + digit + "@" + timestamp);
        }

        @Override
        public void ended(char digit) {
            heard.add("end " + digit);
        }
    });

    @Test
    void theEndAndItsRetransmissionsReportOnce() {
        events.receive(800, RtpPeer.event(5, false, 160), 0);
        events.receive(800, RtpPeer.event(5, false, 320), 1);
        events.receive(800, RtpPeer.event(5, true, 480), 2);
        events.receive(800, RtpPeer.event(5, true, 480), 3);
        events.receive(800, RtpPeer.event(5, true, 480), 4);
        assertEquals(List.of("start 5@800", "end 5"), heard);
    }

    @Test
    void aDigitWithoutEndIsReportedWhenTheNextStartsOrAfterTheTimeout() {
        events.receive(800, RtpPeer.event(11, false, 160), 0);
        events.receive(2400, RtpPeer.event(11, false, 160), 10); // the same key again: a new event
        assertEquals(List.of("start #@800", "end #", "start #@2400"), heard);
        events.expire(10 + TelephoneEvents.END_TIMEOUT_NANOS - 1);
        assertEquals(3, heard.size());
        events.expire(10 + TelephoneEvents.END_TIMEOUT_NANOS);
        assertEquals("end #", heard.getLast());
        assertFalse(events.waiting());
        events.receive(2400, RtpPeer.event(11, true, 800), 20);
        events.receive(800, RtpPeer.event(3, true, 800), 30); // an older event's straggler
        assertEquals(4, heard.size());
    }

    @Test
    void refusesWhatIsNoDigit() {
        assertFalse(events.receive(0, RtpPeer.event(16, true, 160), 0), "flash");
        assertFalse(events.receive(0, new byte[] {1, 2}, 0));
        assertEquals(List.of(), heard);
    }
}
