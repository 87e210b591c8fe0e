package io.vpbx.sip.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Records what was sent and when, on the fake scheduler's clock. */
final class RecordingTransport implements Transport<TestMessage> {

    record Sent(Duration at, TestMessage message) {
    }

    private final FakeScheduler scheduler;
    private final boolean reliable;
    private final List<Sent> sent = new ArrayList<>();
    private Runnable onSend = () -> { };

    RecordingTransport(FakeScheduler scheduler, boolean reliable) {
        this.scheduler = scheduler;
        this.reliable = reliable;
    }

    @Override
    public void send(TestMessage message) {
        sent.add(new Sent(scheduler.now(), message));
        onSend.run();
    }

    @Override
    public boolean reliable() {
        return reliable;
    }

    /** Runs after every send, e.g. to report a transport error synchronously. */
    void onSend(Runnable action) {
        onSend = action;
    }

    List<Sent> sent() {
        return sent;
    }

    List<String> labels() {
        return sent.stream().map(s -> s.message().label()).toList();
    }

    /** Send times in milliseconds of messages with this label. */
    List<Long> millisOf(String label) {
        return sent.stream().filter(s -> s.message().label().equals(label)).map(s -> s.at().toMillis()).toList();
    }
}
