package io.vpbx.server.kamailio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The dispatcher vpbx ships (docker/kamailio/kamailio-dispatcher.cfg, read from the repository, not a copy) in front
 * of nodes on 127.0.0.1, for the cluster tests: Debian's Kamailio in the foreground on a free UDP and TCP port, its
 * folder under the build directory's {@code kamailio-runs}; {@link #close()} stops only this process and its workers.
 */
public final class Dispatcher implements AutoCloseable {
    /** The shipped configuration, relative to the server module (the tests' working directory). */
    public static final Path CONFIG = Path.of("..", "docker", "kamailio", "kamailio-dispatcher.cfg");
    private static final Duration READY_WITHIN = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Process process;
    private final Path folder;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private Dispatcher(int port, Process process, Path folder) {
        this.port = port;
        this.process = process;
        this.folder = folder;
    }

    /**
     * Starts it in front of the nodes' SIP ports on 127.0.0.1; returns once its JSON-RPC answers.
     *
     * @param defines more {@code -A} defines of the configuration, e.g. {@code PROBE_THRESHOLD=2}
     */
    public static Dispatcher start(List<Integer> nodePorts, String... defines) {
        int port = Kamailio.freeUdpAndTcpPort();
        try {
            Path folder = Files.createTempDirectory(Files.createDirectories(Kamailio.runsFolder()), "dispatcher-");
            StringBuilder list = new StringBuilder();
            nodePorts.forEach(node -> list.append("1 sip:127.0.0.1:").append(node).append('\n'));
            Files.writeString(folder.resolve("dispatcher.list"), list.toString());
            List<String> command = new ArrayList<>(List.of("kamailio", "-DD", "-E", "-f", CONFIG.toAbsolutePath().normalize().toString(),
                    "-P", folder.resolve("kamailio.pid").toString(), "-Y", folder.toString(), "-w", folder.toString(),
                    "-m", "32", "-M", "8", "-A", "PORT=" + port, "-A", "CHILDREN=2",
                    "-A", "DISPATCHER_LIST=\"" + folder.resolve("dispatcher.list") + "\""));
            for (String define : defines) {
                command.add("-A");
                command.add(define);
            }
            Files.writeString(folder.resolve("command.txt"), String.join(" ", command) + "\n");
            Process process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectErrorStream(true).redirectOutput(folder.resolve("kamailio.log").toFile()).start();
            Dispatcher dispatcher = new Dispatcher(port, process, folder);
            dispatcher.awaitReady();
            return dispatcher;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start kamailio (bin/ensure-kamailio installs it)", e);
        }
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                break;
            }
            try {
                rpc("dispatcher.list");
                return;
            } catch (UncheckedIOException e) {
                sleep(100);
            }
        }
        close();
        throw new IllegalStateException("the dispatcher did not start\n" + describe());
    }

    public int port() {
        return port;
    }

    /** Each node's flags as the dispatcher sees them, by SIP URI: "AP" up (probed), "IP" down, "DX" disabled. */
    public Map<String, String> nodes() {
        Map<String, String> flags = new LinkedHashMap<>();
        for (JsonNode set : rpc("dispatcher.list").path("result").path("RECORDS")) {
            for (JsonNode target : set.path("SET").path("TARGETS")) {
                JsonNode dest = target.path("DEST");
                flags.put(dest.path("URI").asText(), dest.path("FLAGS").asText());
            }
        }
        return flags;
    }

    /** Whether the node on {@code sipPort} is in the set of nodes that get new requests. */
    public boolean isUp(int sipPort) {
        return nodes().getOrDefault("sip:127.0.0.1:" + sipPort, "").startsWith("A");
    }

    private JsonNode rpc(String method) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/RPC"))
                    .timeout(Duration.ofSeconds(3)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"method\":\"" + method + "\",\"id\":1}"))
                    .build();
            return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Port, pid, folder and the log's tail, for an assertion message. */
    public String describe() {
        String log;
        try {
            log = Files.readString(folder.resolve("kamailio.log"), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            log = "(no log: " + e.getMessage() + ")";
        }
        return "dispatcher on 127.0.0.1:" + port + " (pid " + process.pid() + ", " + folder + ")\n"
                + log.substring(Math.max(0, log.length() - 10_000));
    }

    @Override
    public void close() {
        List<ProcessHandle> workers = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
