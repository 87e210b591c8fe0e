package io.vpbx.sip.transport;

import io.vpbx.sip.SipServerSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vpbx.config.ListenersConfig;
import io.vpbx.config.SipConfig;
import io.vpbx.config.TlsConfig;
import io.vpbx.sip.SipServer;
import io.vpbx.sip.SipServices;
import io.vpbx.sip.TestCertificates;
import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.egress.AccountTargets;
import io.vpbx.sip.wire.SipUri;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls out over TLS: vpbx opens a connection to a {@code sips:} next hop and uses it only when the peer's
 * certificate is verified (chain to a trusted CA and the host's name) or pinned. The peer is a real TLS listener.
 */
class NettyNetworkTlsTest {

    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private SipServer peer;

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.in(dir);
    }

    @AfterEach
    void stop() {
        if (peer != null) {
            peer.close();
        }
        group.shutdownGracefully(0, 5, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void aPeerWhoseCertificateChainsToTheConfiguredCaGetsTheCall() throws Exception {
        startPeer(certificates.certificate(), certificates.privateKey());

        Flow flow = flowTo(new TlsConfig(Optional.empty(), Optional.empty(), Optional.of(certificates.ca()), List.of()));

        assertEquals("TLS", flow.transport());
        assertEquals(peer.tlsPort(), flow.remote().getPort());
    }

    @Test
    void aPeerWithACertificateNoCaVouchesForIsNoFlow() throws Exception {
        startPeer(certificates.rogueCertificate(), certificates.rogueKey());

        assertNull(flowTo(new TlsConfig(Optional.empty(), Optional.empty(), Optional.of(certificates.ca()), List.of())));
    }

    @Test
    void aPinnedSelfSignedPeerGetsTheCall() throws Exception {
        startPeer(certificates.rogueCertificate(), certificates.rogueKey());
        String pin = PeerTrust.fingerprint(read(certificates.rogueCertificate()));

        Flow flow = flowTo(new TlsConfig(Optional.empty(), Optional.empty(), Optional.empty(), List.of(pin)));

        assertEquals("TLS", flow.transport());
    }

    private void startPeer(Path certificate, Path key) {
        TlsConfig tls = new TlsConfig(Optional.of(certificate), Optional.of(key), Optional.empty(), List.of());
        peer = new SipServer(SipServerSettings.of(new SipConfig("127.0.0.1", 0, true, true, "peer.test", 4096))
                .withTls(new ListenersConfig(true, 0, true, false, 0), Optional.of(SipTls.of(tls))), registry,
                SipServices.standalone(Optional.empty()), transition -> { });
        peer.start();
    }

    /** What vpbx's network makes of {@code sips:127.0.0.1:<peer's TLS port>} with {@code trust}. */
    private Flow flowTo(TlsConfig trust) throws Exception {
        SipMetrics metrics = new SipMetrics(registry);
        Connections connections = new Connections(10);
        WriteBatch batch = new WriteBatch();
        SipChannelInitializer streams = new SipChannelInitializer(new SipStreamHandler((message, flow) -> { }, metrics,
                connections, batch), Optional.empty(), metrics, 4096);
        var loop = group.next();
        NettyNetwork network = new NettyNetwork(loop, NioSocketChannel.class, null, connections, streams, batch, "127.0.0.1",
                5060, Runnable::run, AccountTargets.strict(), () -> { }, Optional.of(SipTls.of(trust)), -1);
        CompletableFuture<Flow> flow = new CompletableFuture<>();
        loop.execute(() -> network.flowTo(SipUri.parse("sips:127.0.0.1:" + peer.tlsPort()), flow::complete));
        return flow.get(10, TimeUnit.SECONDS);
    }

    private static X509Certificate read(Path pem) throws Exception {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }
}
