package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.OpensslClient;
import io.vpbx.sip.SipText;
import io.vpbx.sip.TestCertificates;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole server with its TLS listeners, spoken to by real clients: {@code openssl s_client} for SIP over TLS,
 * {@code curl} for the admin API over HTTPS, each verifying the server's certificate against the test CA.
 */
class TlsListenersTest {

    @TempDir
    static Path certificateDir;
    private static TestCertificates certificates;

    @BeforeAll
    static void certificates() {
        certificates = TestCertificates.in(certificateDir);
    }

    private static String[] tlsFlags(String... more) {
        List<String> flags = new java.util.ArrayList<>(List.of("--tls.certificate=" + certificates.certificate(),
                "--tls.private-key=" + certificates.privateKey(), "--sip.tls=true", "--sip.tls-port=0", "--admin.tls=true",
                "--admin.tls-port=0"));
        flags.addAll(List.of(more));
        return flags.toArray(String[]::new);
    }

    @Test
    void sipOverTlsIsAnsweredByTheRegistrarAndTheAdminApiOverHttps(@TempDir Path data) throws Exception {
        try (RunningServer running = new RunningServer("h2", data, tlsFlags())) {
            int tlsPort = running.server.sip().tlsPort();
            String via = "SIP/2.0/TLS 127.0.0.1:5999;branch=z9hG4bK";
            String register = """
                    REGISTER sip:vpbx SIP/2.0
                    Via: %s1
                    Max-Forwards: 70
                    To: <sip:alice@vpbx>
                    From: <sip:alice@vpbx>;tag=1
                    Call-ID: tls-register@example.com
                    CSeq: 1 REGISTER
                    Contact: <sip:alice@127.0.0.1:5999;transport=tls>
                    Content-Length: 0

                    """.formatted(via);

            assertTrue(OpensslClient.exchange(tlsPort, certificates.ca(), SipText.crlf(register))
                    .startsWith("SIP/2.0 401 Unauthorized\r\n"));
            assertTrue(OpensslClient.exchange(tlsPort, certificates.ca(),
                    SipText.crlf(SipText.options(via + "2", "tls-options@example.com"))).startsWith("SIP/2.0 200 OK\r\n"));

            int httpsPort = running.server.adminTlsPort();
            assertEquals("200", curl("--cacert", certificates.ca().toString(), "https://localhost:" + httpsPort + "/health/live"));
            assertEquals("200", curl("--cacert", certificates.ca().toString(), "https://127.0.0.1:" + httpsPort + "/health/live"));
            assertEquals("200", curl("http://127.0.0.1:" + running.server.adminPort() + "/health/live"), "plain HTTP stays on");
            assertTrue(OpensslClient.handshake(httpsPort, "-tls1_1").contains("alert protocol version"));
        }
    }

    @Test
    void plainHttpSwitchedOffRefusesConnections(@TempDir Path data) throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (RunningServer running = new RunningServer("h2", data, tlsFlags("--admin.port=" + port, "--admin.http=false"))) {
            assertEquals(-1, running.server.adminPort());
            int plain = port;
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", plain).close());
            assertEquals("200", curl("--cacert", certificates.ca().toString(),
                    "https://localhost:" + running.server.adminTlsPort() + "/health/live"));
        }
    }

    /** The HTTP status curl got, or its exit code prefixed with "exit " when it got none. */
    private static String curl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}",
                "--max-time", "10"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(15, TimeUnit.SECONDS);
            return process.exitValue() == 0 ? output : "exit " + process.exitValue() + " " + output;
        } finally {
            process.destroyForcibly();
        }
    }
}
