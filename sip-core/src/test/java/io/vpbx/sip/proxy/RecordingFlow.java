package io.vpbx.sip.proxy;

import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** A flow that keeps what the proxy sent on it, in order. */
final class RecordingFlow implements Flow {
    private final InetSocketAddress remote;
    private final String transport;
    private final List<WireMessage> sent = new ArrayList<>();

    RecordingFlow(InetSocketAddress remote, String transport) {
        this.remote = remote;
        this.transport = transport;
    }

    @Override
    public void send(WireMessage message) {
        sent.add(message);
    }

    @Override
    public boolean reliable() {
        return !"UDP".equals(transport);
    }

    @Override
    public InetSocketAddress remote() {
        return remote;
    }

    @Override
    public String transport() {
        return transport;
    }

    List<WireMessage> sent() {
        return sent;
    }

    /** Requests of that method sent here, in order. */
    List<WireMessage> requests(String method) {
        return matching(m -> m.isRequest() && m.method().equals(method));
    }

    /** Responses sent here, in order, without 100 Trying. */
    List<Integer> statuses() {
        return matching(m -> !m.isRequest() && m.statusCode() > 100).stream().map(WireMessage::statusCode).toList();
    }

    /** The last response with that status. */
    WireMessage response(int status) {
        List<WireMessage> found = matching(m -> !m.isRequest() && m.statusCode() == status);
        if (found.isEmpty()) {
            throw new AssertionError("no " + status + " sent to " + remote + "; sent " + sent);
        }
        return found.get(found.size() - 1);
    }

    /** The only request of that method sent here. */
    WireMessage request(String method) {
        List<WireMessage> found = requests(method);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " " + method + " sent to " + remote + "; sent " + sent);
        }
        return found.get(0);
    }

    private List<WireMessage> matching(Predicate<WireMessage> test) {
        return sent.stream().filter(test).toList();
    }

    @Override
    public String toString() {
        return transport + " " + remote;
    }
}
