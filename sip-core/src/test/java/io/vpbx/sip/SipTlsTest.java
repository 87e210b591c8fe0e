package io.vpbx.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.config.ListenersConfig;
import io.vpbx.config.SipConfig;
import io.vpbx.config.TlsConfig;
import io.vpbx.sip.transport.SipMetrics;
import io.vpbx.sip.transport.SipTls;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIP over TLS with a real client, {@code openssl s_client}, verifying the server's certificate against the test CA. */
class SipTlsTest {

    private static final String HOST = "127.0.0.1";
    @TempDir
    static Path dir;
    private static TestCertificates certificates;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private SipServer server;

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.in(dir);
    }

    private void start() {
        TlsConfig tls = new TlsConfig(Optional.of(certificates.certificate()), Optional.of(certificates.privateKey()),
                Optional.empty(), List.of());
        server = new SipServer(SipServerSettings.of(new SipConfig(HOST, 0, true, true, "vpbx.test", 4096))
                .withTls(new ListenersConfig(true, 0, true, false, 0), Optional.of(SipTls.of(tls))), registry,
                SipServices.standalone(Optional.empty()), transition -> { });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void optionsOverTlsIsAnsweredOnTheSameConnection() throws Exception {
        start();
        String via = "SIP/2.0/TLS " + HOST + ":5999;branch=z9hG4bKtls";

        String answer = OpensslClient.exchange(server.tlsPort(), certificates.ca(),
                SipText.crlf(SipText.options(via, "tls@example.com")));

        assertTrue(answer.startsWith("SIP/2.0 200 OK\r\n"), answer);
        assertTrue(answer.contains("Via: " + via), answer);
        assertEquals(1.0, registry.get(SipMetrics.MESSAGES).tag("transport", "tls").counter().count());
        assertTrue(server.tlsPort() != server.tcpPort() && server.tcpPort() > 0, "plain TCP stays on its own port");
    }

    @Test
    void tls11AndOlderAreRefusedWhileTls12AndTls13AreSpoken() throws Exception {
        start();

        String old = OpensslClient.handshake(server.tlsPort(), "-tls1_1");
        // the server's alert 70 (protocol_version), not a refusal of this client's own
        assertTrue(old.contains("alert protocol version"), old);
        assertFalse(old.contains("Protocol version: TLSv1.1"), old);
        assertTrue(OpensslClient.handshake(server.tlsPort(), "-tls1_2").contains("Protocol version: TLSv1.2"));
        assertTrue(OpensslClient.handshake(server.tlsPort(), "-tls1_3").contains("Protocol version: TLSv1.3"));
    }

    @Test
    void sipOverTlsWithoutACertificateDoesNotStart() {
        assertThrows(IllegalArgumentException.class, () -> new SipServer(SipServerSettings.of(new SipConfig(HOST, 0, true, true, "vpbx.test", 4096))
                .withTls(new ListenersConfig(true, 0, true, false, 0), Optional.of(SipTls.of(TlsConfig.NONE))),
                registry, SipServices.standalone(Optional.empty()), transition -> { }));
    }
}
