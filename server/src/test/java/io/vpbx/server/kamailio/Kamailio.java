package io.vpbx.server.kamailio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Another operator's SIP server for tests: Debian's Kamailio (installed by bin/ensure-kamailio) running
 * {@code src/test/resources/kamailio/operator.cfg} in the foreground on a free UDP and TCP port of 127.0.0.1.
 * Each instance gets a folder of its own under the build directory's {@code kamailio-runs} (config copy, pid
 * file, runtime dir, log); {@link #close()} stops only this process and the workers it forked, by pid.
 * When kamailio is missing, {@link #start} throws: the tests fail instead of being skipped.
 *
 * <pre>{@code
 * try (Kamailio operator = Kamailio.start(OperatorConfig.defaults(pstnPort).withAlgorithm(DigestAlgorithm.SHA_256))) {
 *     // register vpbx to 127.0.0.1:operator.port() as operator.config().user() ...
 *     assertEquals(1, operator.bindings().size(), operator.describe());
 * }
 * }</pre>
 */
public final class Kamailio implements AutoCloseable {
    public static final String HOST = "127.0.0.1";
    private static final String CONFIG_RESOURCE = "/kamailio/operator.cfg";
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final int PORT_ATTEMPTS = 3;
    private static final int LOG_QUOTE_CHARS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OperatorConfig config;
    private final int port;
    private final Process process;
    private final Path folder;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Kamailio(OperatorConfig config, int port, Process process, Path folder) {
        this.config = config;
        this.port = port;
        this.process = process;
        this.folder = folder;
    }

    /**
     * Starts Kamailio with {@code config} and returns once it answers an OPTIONS over UDP. A port taken between
     * being found free and Kamailio binding it is retried on another port.
     */
    public static Kamailio start(OperatorConfig config) {
        Objects.requireNonNull(config, "config");
        String lastFailure = "";
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            Kamailio kamailio = launch(config, freeUdpAndTcpPort());
            String failure = kamailio.awaitReady();
            if (failure == null) {
                return kamailio;
            }
            kamailio.close();
            lastFailure = failure + "\n--- kamailio log ---\n" + kamailio.logTail();
            if (!kamailio.log().contains("Address already in use")) {
                break;
            }
        }
        throw new IllegalStateException("kamailio did not start: " + lastFailure);
    }

    private static Kamailio launch(OperatorConfig config, int port) {
        Path folder = createFolder();
        Path cfg = folder.resolve("operator.cfg");
        copyConfig(cfg);
        List<String> command = new ArrayList<>(List.of("kamailio", "-DD", "-E", "-f", cfg.toString(),
                "-P", folder.resolve("kamailio.pid").toString(), "-Y", folder.toString(), "-w", folder.toString(),
                "-m", "32", "-M", "8"));
        command.addAll(config.defines(port));
        Path log = folder.resolve("kamailio.log");
        write(folder.resolve("command.txt"), String.join(" ", command) + "\n");
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        try {
            return new Kamailio(config, port, builder.start(), folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start kamailio (bin/ensure-kamailio installs it): " + e.getMessage(), e);
        }
    }

    /** Null once Kamailio answers an OPTIONS over UDP, else why it did not within {@link #READY_WITHIN}. */
    private String awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            socket.setSoTimeout(200);
            for (int probe = 1; System.nanoTime() < deadline; probe++) {
                if (!process.isAlive()) {
                    return "kamailio exited with " + process.exitValue() + " before answering OPTIONS";
                }
                String reply = SipProbe.options(socket, port, probe);
                if (reply != null && reply.startsWith("SIP/2.0 200")) {
                    return null;
                }
            }
        } catch (IOException e) {
            return "probing with OPTIONS failed: " + e;
        }
        return "no 200 to OPTIONS on udp " + HOST + ":" + port + " within " + READY_WITHIN;
    }

    public OperatorConfig config() {
        return config;
    }

    /** The UDP and TCP port it listens on at 127.0.0.1. */
    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The customer's current bindings (usrloc's ul.lookup of the AOR {@code config().user()}), empty when none. */
    public List<Binding> bindings() {
        JsonNode reply = rpc("ul.lookup", "location", config.user());
        List<Binding> bindings = new ArrayList<>();
        for (JsonNode entry : reply.path("result").path("Contacts")) {
            JsonNode contact = entry.path("Contact");
            JsonNode expires = contact.path("Expires");
            if (expires.isNumber()) { // else "expired" or "deleted", waiting for usrloc's timer
                bindings.add(new Binding(contact.path("Address").asText(), expires.asInt(), contact.path("Call-ID").asText(),
                        contact.path("CSeq").asLong(), contact.path("User-Agent").asText(), contact.path("Socket").asText()));
            }
        }
        return bindings;
    }

    /**
     * A Kamailio RPC command (JSON-RPC over HTTP on its TCP port), e.g. {@code rpc("ul.rm", "location", "trunk")} to
     * drop the customer's registration as an operator might. Returns the whole JSON-RPC reply, an "error" member included.
     */
    public JsonNode rpc(String method, String... params) {
        try {
            String body = JSON.writeValueAsString(Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + port + "/RPC"))
                    .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException("kamailio rpc " + method + " failed\n" + logTail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Its log so far (stderr and stdout, at info level: a line per request the script handles). */
    public String log() {
        try {
            return Files.readString(folder.resolve("kamailio.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    public Path folder() {
        return folder;
    }

    /** Port, pid, folder and the log's tail, for an assertion message. */
    public String describe() {
        return "kamailio on " + HOST + ":" + port + " (pid " + pid() + ", " + folder + ")\n--- kamailio log ---\n" + logTail();
    }

    private String logTail() {
        String text = log();
        return text.length() <= LOG_QUOTE_CHARS ? text : "..." + text.substring(text.length() - LOG_QUOTE_CHARS);
    }

    /** Stops this Kamailio: TERM to its main process (which ends its workers), KILL to whatever of it is left. */
    @Override
    public void close() {
        List<ProcessHandle> workers = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** A port of 127.0.0.1 free right now for both UDP and TCP (Kamailio listens on both). */
    public static int freeUdpAndTcpPort() {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName(HOST));
                    ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getByName(HOST))) {
                return tcp.getLocalPort();
            } catch (IOException e) {
                // the TCP side of this port is taken: try another
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP on " + HOST);
    }

    /** A new folder under the build directory's {@code kamailio-runs} (a clean removes it), else under the temp folder. */
    private static Path createFolder() {
        try {
            Path parent = runsFolder();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "operator-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path runsFolder() {
        URL config = Kamailio.class.getResource(CONFIG_RESOURCE);
        if (config != null && "file".equals(config.getProtocol())) {
            try {
                // <build dir>/test-classes/kamailio/operator.cfg -> <build dir>/kamailio-runs
                return Path.of(config.toURI()).getParent().getParent().getParent().resolve("kamailio-runs");
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vpbx-kamailio-runs");
    }

    private static void copyConfig(Path target) {
        try (InputStream in = Kamailio.class.getResourceAsStream(CONFIG_RESOURCE)) {
            Files.copy(Objects.requireNonNull(in, CONFIG_RESOURCE + " is not on the test classpath"), target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One registered contact of the customer.
     *
     * @param address the Contact URI as registered; lookup("location") makes it the R-URI of an inbound call
     * @param expires seconds left
     * @param socket the operator's socket it came in on, e.g. {@code udp:127.0.0.1:5060}
     */
    public record Binding(String address, int expires, String callId, long cseq, String userAgent, String socket) {
    }
}
