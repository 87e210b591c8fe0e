package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.sip.TestCertificates;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over the admin API's HTTPS listener the session cookie is {@code Secure} (ADR 0030): a person signs in with curl,
 * which checks the server's certificate against the test CA, while the invitation and the code are read over plain
 * HTTP from the development outboxes.
 */
class SessionCookieTlsTest {
    private static final String PASSWORD = "correct horse battery";

    @Test
    void theCookieIsSecureOverTls(@TempDir Path data, @TempDir Path certificateDir) throws Exception {
        TestCertificates certificates = TestCertificates.in(certificateDir);
        try (RunningServer running = new RunningServer("h2", data, "--tls.certificate=" + certificates.certificate(),
                "--tls.private-key=" + certificates.privateKey(), "--admin.tls=true", "--admin.tls-port=0")) {
            Api api = running.api;
            String acmeId = api.post("/v1/accounts", RunningServer.OPERATOR_KEY, "{\"name\":\"Acme\"}").json().get("id").asText();
            assertEquals(201, api.post("/v1/users", RunningServer.OPERATOR_KEY, "{\"account_id\":\"" + acmeId
                    + "\",\"email\":\"olga@acme.example\",\"name\":\"Olga\",\"role\":\"owner\",\"contact_phone\":\"+79161234567\"}").status());
            assertEquals(201, Console.accept(api, Console.invitationToken(api, "olga@acme.example"), PASSWORD).status());

            String base = "https://localhost:" + running.server.adminTlsPort();
            String ca = certificates.ca().toString();
            JsonNode challenge = new ObjectMapper().readTree(body(curl("--cacert", ca, "-H", "Content-Type: application/json", "-d",
                    "{\"email\":\"olga@acme.example\",\"password\":\"" + PASSWORD + "\"}", base + "/v1/session")));
            String verified = curl("--cacert", ca, "-H", "Content-Type: application/json", "-d", "{\"challenge_id\":\""
                    + challenge.get("challenge_id").asText() + "\",\"code\":\"" + Console.lastCode(api, "+79161234567") + "\"}",
                    base + "/v1/session/verify");
            assertTrue(verified.startsWith("HTTP/") && verified.contains(" 200"), verified);
            String cookie = verified.lines().filter(line -> line.toLowerCase(Locale.ROOT).startsWith("set-cookie: vpbx_session="))
                    .findFirst().orElseThrow(() -> new AssertionError(verified));
            String flags = cookie.toLowerCase(Locale.ROOT);
            assertTrue(flags.contains("; secure") && flags.contains("httponly") && flags.contains("samesite=strict"), cookie);
        }
    }

    private static String body(String response) {
        return response.substring(response.indexOf("\r\n\r\n") + 4);
    }

    /** curl's whole answer: status line, header fields, a blank line and the body. */
    private static String curl(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-s", "-i", "--max-time", "20"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(25, TimeUnit.SECONDS);
            return output;
        } finally {
            process.destroyForcibly();
        }
    }
}
