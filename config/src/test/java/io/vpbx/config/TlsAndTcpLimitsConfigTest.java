package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsAndTcpLimitsConfigTest {

    private static final String PIN = "ab".repeat(32);

    private static List<String> problems(String... args) {
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(args, Map.of())).problems();
    }

    @Test
    void aTlsListenerWithoutACertificateStopsStartupNamingTheKey() {
        assertEquals(List.of("tls.certificate: expected a PEM file because sip.tls is true, but got '' (from defaults)"),
                problems("--sip.tls=true"));
        assertEquals(List.of("tls.certificate: expected a PEM file because admin.tls is true, but got '' (from defaults)"),
                problems("--admin.tls=true"));
    }

    @Test
    void certificateFilesMustBeReadableAndComeInPairs(@TempDir Path dir) throws IOException {
        Path certificate = Files.writeString(dir.resolve("cert.pem"), "x");
        List<String> missing = problems("--tls.certificate=" + dir.resolve("absent.pem"));
        assertTrue(missing.get(0).startsWith("tls.certificate: expected empty or the path of a readable file"), missing.toString());
        assertEquals(List.of("tls.private-key: tls.certificate and tls.private-key must be set together (from defaults)"),
                problems("--tls.certificate=" + certificate));
    }

    @Test
    void pinsAreSha256FingerprintsNormalisedToLowerCaseHex(@TempDir Path dir) throws IOException {
        String withColons = String.join(":", java.util.Collections.nCopies(32, "AB"));
        VpbxConfig config = ConfigLoader.load(new String[] {"--tls.pinned-certificates=" + withColons + ", " + PIN}, Map.of());
        assertEquals(List.of(PIN, PIN), config.tls().pinnedCertificates());
        assertTrue(problems("--tls.pinned-certificates=abcd").get(0).startsWith("tls.pinned-certificates: expected empty or SHA-256"));
    }

    @Test
    void listenersLoadWithTheCertificate(@TempDir Path dir) throws IOException {
        Path certificate = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        VpbxConfig config = ConfigLoader.load(new String[] {"--tls.certificate=" + certificate, "--tls.private-key=" + key,
                "--sip.tls=true", "--sip.tls-port=0", "--admin.tls=true", "--admin.http=false"}, Map.of());
        assertEquals(new ListenersConfig(true, 0, false, true, 8443), config.listeners());
        assertEquals(new TlsConfig(Optional.of(certificate), Optional.of(key), Optional.empty(), List.of()), config.tls());
    }

    @Test
    void tlsListensOnAPortOfItsOwn(@TempDir Path dir) throws IOException {
        Path certificate = Files.writeString(dir.resolve("cert.pem"), "x");
        Path key = Files.writeString(dir.resolve("key.pem"), "x");
        assertEquals(List.of("sip.tls-port: expected a port other than sip.port (5060), where plain TCP listens, but got "
                + "'5060' (from flag --sip.tls-port)"), problems("--tls.certificate=" + certificate, "--tls.private-key=" + key,
                "--sip.tls=true", "--sip.tls-port=5060"));
        assertEquals(List.of("admin.tls-port: expected a port other than admin.port (8080), where plain HTTP listens, but "
                + "got '8080' (from flag --admin.tls-port)"), problems("--tls.certificate=" + certificate,
                "--tls.private-key=" + key, "--admin.tls=true", "--admin.tls-port=8080"));
    }

    @Test
    void theAdminApiNeedsOneListener() {
        assertEquals(List.of("admin.http: admin.http and admin.tls are both false, at least one must be true (from flag --admin.http)"),
                problems("--admin.http=false"));
    }

    @Test
    void theIdleTimeoutOutlastsTheLongestRegistration() {
        assertEquals(List.of("sip.tcp.idle-timeout: expected longer than registrar.max-expires (3600s), so that a registered "
                + "phone's connection is not closed between refreshes, but got 'PT1H' (from flag --sip.tcp.idle-timeout)"),
                problems("--sip.tcp.idle-timeout=60m"));
        assertEquals(Duration.ofMinutes(30), ConfigLoader.load(new String[] {"--sip.tcp.idle-timeout=30m",
                "--registrar.max-expires=1200", "--registrar.default-expires=1200"}, Map.of()).sipTcp().idleTimeout());
    }

    @Test
    void connectionLimitsAreChecked() {
        assertEquals(List.of("sip.tcp.max-connections-per-source: expected at most sip.tcp.max-connections (10) but got '11' "
                + "(from flag --sip.tcp.max-connections-per-source)"),
                problems("--sip.tcp.max-connections=10", "--sip.tcp.max-connections-per-source=11"));
        assertThrows(IllegalArgumentException.class, () -> new SipTcpConfig(10, 5, Duration.ofSeconds(5), Duration.ofSeconds(6)));
    }
}
