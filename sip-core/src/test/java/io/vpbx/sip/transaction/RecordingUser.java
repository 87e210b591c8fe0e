package io.vpbx.sip.transaction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Records every TU and owner callback with the fake clock's time: it owns every transaction of its fixture. */
final class RecordingUser implements TransactionUser<TestMessage> {

    record Event(Duration at, String kind, Transaction<TestMessage> transaction, TestMessage message) {
    }

    private final FakeScheduler scheduler;
    private final List<Event> events = new ArrayList<>();
    private BiConsumer<ServerTransaction<TestMessage>, TestMessage> onRequest = (tx, request) -> { };

    RecordingUser(FakeScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Lets a test answer from inside the callback, as a synchronous TU would. */
    void onRequest(BiConsumer<ServerTransaction<TestMessage>, TestMessage> action) {
        onRequest = action;
    }

    @Override
    public void receiveRequest(ServerTransaction<TestMessage> transaction, TestMessage request) {
        Owner owner = new Owner();
        owner.of(transaction);
        transaction.owner(owner);
        events.add(new Event(scheduler.now(), "request", transaction, request));
        onRequest.accept(transaction, request);
    }

    /** An owner for a client transaction about to start; {@link Owner#of} names the transaction once it exists. */
    Owner owner() {
        return new Owner();
    }

    /** Records what one transaction reports, as this user's events. */
    final class Owner implements TransactionOwner<TestMessage> {
        private Transaction<TestMessage> transaction;

        void of(Transaction<TestMessage> owned) {
            transaction = owned;
        }

        @Override
        public void response(TestMessage response) {
            events.add(new Event(scheduler.now(), "response", transaction, response));
        }

        @Override
        public void timeout() {
            events.add(new Event(scheduler.now(), "timeout", transaction, null));
        }

        @Override
        public void transportError() {
            events.add(new Event(scheduler.now(), "transportError", transaction, null));
        }
    }

    List<Event> events() {
        return events;
    }

    List<Event> eventsOf(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    /** "kind label@millis" for each event, for compact assertions. */
    List<String> timeline() {
        return events.stream()
                .map(e -> e.kind() + (e.message() == null ? "" : " " + e.message().label()) + "@" + e.at().toMillis())
                .toList();
    }
}
