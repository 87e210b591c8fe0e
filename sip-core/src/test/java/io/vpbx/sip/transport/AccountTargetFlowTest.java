package io.vpbx.sip.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vpbx.config.AddressRange;
import io.vpbx.sip.egress.AccountTargets;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.telephony.egress.HostResolver;
import io.vpbx.telephony.egress.PrivateTargets;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The connect-time check: a host an account named is resolved again when it is used, and an address in a private
 * range is never contacted, whatever it resolved to when it was saved. DNS is a map the test changes.
 */
class AccountTargetFlowTest {
    private final EmbeddedChannel udp = new EmbeddedChannel();
    private final Map<String, List<InetAddress>> dns = new HashMap<>();
    private final AtomicInteger refusedCount = new AtomicInteger();
    private final List<Flow> flows = new ArrayList<>();
    private final List<String> refusals = new ArrayList<>();

    private NettyNetwork network(List<AddressRange> allowed) {
        HostResolver resolver = host -> {
            List<InetAddress> found = dns.get(host);
            if (found == null) {
                throw new UnknownHostException(host);
            }
            return found;
        };
        return new NettyNetwork(udp.eventLoop(), NioSocketChannel.class, udp, new Connections(10), null, new WriteBatch(),
                "192.0.2.1", 5060, Runnable::run, new AccountTargets(new PrivateTargets(allowed), resolver),
                refusedCount::incrementAndGet);
    }

    private void reach(NettyNetwork network, String uri) {
        network.flowToAccountTarget(SipUri.parse(uri), () -> refusals.add(uri), flows::add);
        udp.runPendingTasks();
    }

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal);
    }

    @Test
    void aNameThatResolvesPrivatelyLaterIsNotContacted() throws Exception {
        NettyNetwork network = network(List.of());
        dns.put("pbx.example.com", List.of(ip("193.0.6.139")));
        reach(network, "sip:pbx.example.com:5099");
        assertEquals(List.of(), refusals);
        assertEquals(new InetSocketAddress(ip("193.0.6.139"), 5099), flows.get(0).remote());

        // saved while public; now the name points at the operator's loopback
        dns.put("pbx.example.com", List.of(ip("127.0.0.1")));
        reach(network, "sip:pbx.example.com:5099");
        dns.put("meta.example.com", List.of(ip("193.0.6.139"), ip("169.254.169.254")));
        reach(network, "sip:meta.example.com");
        assertEquals(List.of("sip:pbx.example.com:5099", "sip:meta.example.com"), refusals);
        assertEquals(1, flows.size(), "nothing opened for a refused next hop");
        assertEquals(2, refusedCount.get());
        assertEquals(0, udp.outboundMessages().size());
    }

    @Test
    void literalsAreDecidedWithoutALookup() throws Exception {
        NettyNetwork network = network(List.of());
        for (String uri : new String[] {"sip:127.0.0.1:5099", "sip:[::1]:5060", "sip:169.254.169.254", "sip:10.0.0.1",
                "sip:255.255.255.255", "sip:[::ffff:127.0.0.1]"}) {
            reach(network, uri);
        }
        assertEquals(6, refusals.size(), refusals.toString());
        reach(network, "sip:193.0.6.139:5070");
        assertEquals(new InetSocketAddress(ip("193.0.6.139"), 5070), flows.get(0).remote());
    }

    @Test
    void theOperatorsAllowanceOpensARange() throws Exception {
        NettyNetwork network = network(List.of(AddressRange.parse("127.0.0.0/8").orElseThrow()));
        dns.put("lab.example.com", List.of(ip("127.0.0.2")));
        reach(network, "sip:lab.example.com:5099");
        reach(network, "sip:10.0.0.1");
        assertEquals(new InetSocketAddress(ip("127.0.0.2"), 5099), flows.get(0).remote());
        assertEquals(List.of("sip:10.0.0.1"), refusals);
    }

    @Test
    void aNameThatDoesNotResolveIsUnreachableNotRefused() {
        NettyNetwork network = network(List.of());
        reach(network, "sip:nowhere.example.com");
        assertEquals(List.of(), refusals);
        assertEquals(1, flows.size());
        assertNull(flows.get(0));
    }

    @Test
    void phonesRegisteredOnPrivateAddressesAreStillReached() throws Exception {
        NettyNetwork network = network(List.of());
        network.flowTo(SipUri.parse("sip:alice@10.0.0.5:5062"), flows::add);
        udp.runPendingTasks();
        assertEquals(new InetSocketAddress(ip("10.0.0.5"), 5062), flows.get(0).remote());
    }
}
