package io.vpbx.sip.transaction;

/** One table with a fake scheduler, a recording TU and a recording transport. */
final class Fixture {

    final FakeScheduler scheduler = new FakeScheduler();
    final RecordingUser user = new RecordingUser(scheduler);
    final RecordingTransport transport;
    final TransactionTable<TestMessage> table;

    Fixture(boolean reliable) {
        this(reliable, TransactionTimers.rfc3261(), 1000);
    }

    Fixture(boolean reliable, TransactionTimers timers, int maxTransactions) {
        transport = new RecordingTransport(scheduler, reliable);
        table = new TransactionTable<>(maxTransactions, new TransactionContext<>(
                timers, scheduler, user, TestMessage::ackFor, TestMessage::tryingFor));
    }

    static Fixture unreliable() {
        return new Fixture(false);
    }

    static Fixture reliable() {
        return new Fixture(true);
    }

    ClientTransaction<TestMessage> startClient(TestMessage request) {
        RecordingUser.Owner owner = user.owner();
        ClientTransaction<TestMessage> transaction = table.startClient(request, transport, owner).orElseThrow();
        owner.of(transaction);
        return transaction;
    }

    ServerTransaction<TestMessage> receiveNew(TestMessage request) {
        RequestDisposition disposition = table.receiveRequest(request, transport);
        if (disposition != RequestDisposition.CREATED) {
            throw new AssertionError("expected a new transaction, got " + disposition);
        }
        return (ServerTransaction<TestMessage>) user.eventsOf("request").get(user.eventsOf("request").size() - 1)
                .transaction();
    }
}
