package io.vpbx.sip.proxy;

import io.vpbx.sip.wire.IpLiteral;
import io.vpbx.sip.wire.SipUri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The proxy's network without sockets: every IP-literal next hop is reached at once through a
 * {@link RecordingFlow} (one per transport and address, kept), host names are unreachable.
 */
final class FakeNetwork implements Network {
    static final String US = "203.0.113.1";
    static final int PORT = 5060;

    private final Map<String, RecordingFlow> flows = new LinkedHashMap<>();
    /** Hosts the connect-time check refuses, as a private range would be refused. */
    final Set<String> refusedHosts = new HashSet<>();

    @Override
    public void flowTo(SipUri uri, Consumer<Flow> then) {
        InetAddress address = IpLiteral.parse(uri.host());
        String transport = uri.transport() == null ? "UDP" : uri.transport().toUpperCase(Locale.ROOT);
        then.accept(address == null ? null : flow(transport, new InetSocketAddress(address, uri.portOrDefault())));
    }

    @Override
    public void flowToAccountTarget(SipUri uri, Runnable refused, Consumer<Flow> then) {
        if (refusedHosts.contains(uri.host())) {
            refused.run();
        } else {
            flowTo(uri, then);
        }
    }

    @Override
    public Flow flowTo(String transport, InetSocketAddress address) {
        return flow(transport, address);
    }

    @Override
    public String viaPrefix(String transport) {
        return "SIP/2.0/" + transport + " " + US + ":" + PORT;
    }

    @Override
    public String recordRoute(String transport) {
        return "<sip:" + US + ":" + PORT + ("TCP".equals(transport) ? ";transport=tcp" : "") + ";lr>";
    }

    @Override
    public boolean isUs(String host, int port) {
        return US.equals(host) && port == PORT;
    }

    /** The flow to that peer, made on first use. */
    RecordingFlow flow(String transport, InetSocketAddress address) {
        return flows.computeIfAbsent(transport + " " + address, key -> new RecordingFlow(address, transport));
    }

    /** The UDP flow to {@code ip:port}. */
    RecordingFlow udp(String ip, int port) {
        return flow("UDP", new InetSocketAddress(ip, port));
    }

    /** How many peers the proxy has sent to (or looked up). */
    int peers() {
        return flows.size();
    }
}
