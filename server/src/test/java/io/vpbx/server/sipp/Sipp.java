package io.vpbx.server.sipp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Runs SIPp (Debian package sip-tester, installed by bin/ensure-sipp) against a server on 127.0.0.1 with
 * a scenario from {@code src/test/resources/sipp/}. Every run is bounded three times over: a number of
 * calls ({@code -m}), SIPp's own global and receive timeouts, and a process timeout after which the
 * process is destroyed. Each run gets a folder of its own under the build directory's {@code sipp-runs},
 * holding the scenario, the optional injection file, and SIPp's message and error logs, which a failure
 * message quotes.
 *
 * <pre>{@code
 * Sipp.scenario("register").remote(port).service("anna").auth("anna", "secret").key("expires", "600").run().assertSucceeded();
 * try (Sipp.Background uas = Sipp.scenario("uas-answer").localPort(uasPort).start()) { ... }
 * }</pre>
 */
public final class Sipp {
    private static final String HOST = "127.0.0.1";
    private static final String RESOURCE_FOLDER = "/sipp/";
    private static final int LOG_QUOTE_CHARS = 20_000;
    private static final Duration STOP_GRACE = Duration.ofSeconds(3);

    private final String scenario;
    private Integer remotePort;
    private Integer localPort;
    private String service;
    private String authUser;
    private String authPassword;
    private String transport = "u1";
    private int calls = 1;
    private Double rate;
    private Duration timeout = Duration.ofSeconds(20);
    private Duration recvTimeout = Duration.ofSeconds(5);
    private Duration processTimeout;
    private String injection;
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> variables = new LinkedHashMap<>();
    private final List<String> extraArguments = new ArrayList<>();

    private Sipp(String scenario) {
        this.scenario = Objects.requireNonNull(scenario, "scenario");
    }

    /** A run of {@code src/test/resources/sipp/<name>.xml}. */
    public static Sipp scenario(String name) {
        return new Sipp(name);
    }

    /** The server to send to, at 127.0.0.1; a UAS that only waits needs none. */
    public Sipp remote(int port) {
        this.remotePort = port;
        return this;
    }

    /** SIPp's own port ({@code -p}); by default one found free just before the run (SIPp itself would take 5060 when free). */
    public Sipp localPort(int port) {
        this.localPort = port;
        return this;
    }

    /** {@code -s}: the user part of the request URI, the scenario's {@code [service]}. */
    public Sipp service(String user) {
        this.service = Objects.requireNonNull(user, "user");
        return this;
    }

    /** {@code -au} and {@code -ap}: what {@code [authentication]} answers a 401 or 407 with. */
    public Sipp auth(String user, String password) {
        this.authUser = Objects.requireNonNull(user, "user");
        this.authPassword = Objects.requireNonNull(password, "password");
        return this;
    }

    /** {@code -t}: u1 (UDP, the default), t1 (TCP, one connection), or another SIPp transport mode. */
    public Sipp transport(String mode) {
        this.transport = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /** {@code -m}: how many calls (scenario runs) before SIPp exits; 1 by default. */
    public Sipp calls(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one call");
        }
        this.calls = count;
        return this;
    }

    /** {@code -r}: calls started per second; SIPp's default (10) when not set. */
    public Sipp rate(double callsPerSecond) {
        this.rate = callsPerSecond;
        return this;
    }

    /** {@code -timeout} with {@code -timeout_error}: SIPp gives up and fails after this; 20 s by default. */
    public Sipp timeout(Duration value) {
        this.timeout = Objects.requireNonNull(value, "value");
        return this;
    }

    /** {@code -recv_timeout}: how long a {@code <recv>} waits before the call fails; 5 s by default. */
    public Sipp recvTimeout(Duration value) {
        this.recvTimeout = Objects.requireNonNull(value, "value");
        return this;
    }

    /** How long the process may live before it is destroyed; the SIPp timeout plus 10 s by default. */
    public Sipp processTimeout(Duration value) {
        this.processTimeout = Objects.requireNonNull(value, "value");
        return this;
    }

    /** {@code -key name value}: the scenario's {@code [name]} keyword. */
    public Sipp key(String name, String value) {
        keys.put(name, value);
        return this;
    }

    /** {@code -set name value}: the scenario's global variable {@code [$name]}. */
    public Sipp set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    /**
     * {@code -inf}: an injection file with this content, its first line the order (SEQUENTIAL, RANDOM or
     * USER) and then one line of {@code ;}-separated fields per call, read as {@code [field0]}, {@code [field1]}...
     */
    public Sipp injection(String csv) {
        this.injection = Objects.requireNonNull(csv, "csv");
        return this;
    }

    /** Any other SIPp arguments, passed as given. */
    public Sipp arguments(String... arguments) {
        extraArguments.addAll(List.of(arguments));
        return this;
    }

    /** Runs SIPp to its end (or its timeouts) and returns what happened. */
    public Result run() {
        Started started = launch();
        Duration limit = processTimeout != null ? processTimeout : timeout.plusSeconds(10);
        boolean exited;
        try {
            exited = started.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            destroy(started.process);
        }
        return started.result(exited ? null : "destroyed after the process timeout of " + limit);
    }

    /** Starts SIPp in the background (a UAS the test then calls); {@link Background#close()} stops it by pid. */
    public Background start() {
        return new Background(launch());
    }

    private Started launch() {
        if (Sipp.class.getResource(RESOURCE_FOLDER + scenario + ".xml") == null) {
            throw new IllegalArgumentException("no SIPp scenario " + RESOURCE_FOLDER + scenario + ".xml on the test classpath");
        }
        Path folder = createFolder();
        Path scenarioFile = folder.resolve(scenario + ".xml");
        copyResource(scenario + ".xml", scenarioFile);
        List<String> command = new ArrayList<>(List.of("sipp"));
        if (remotePort != null) {
            command.add(HOST + ":" + remotePort);
        }
        command.addAll(List.of("-sf", scenarioFile.toString(), "-i", HOST, "-t", transport, "-m", Integer.toString(calls),
                "-timeout", timeout.toMillis() + "ms", "-timeout_error", "-recv_timeout", Long.toString(recvTimeout.toMillis()),
                "-nostdin", "-trace_msg", "-message_file", folder.resolve("messages.log").toString(),
                "-trace_err", "-error_file", folder.resolve("errors.log").toString()));
        command.addAll(List.of("-p", Integer.toString(localPort != null ? localPort : freeUdpPort())));
        if (service != null) {
            command.addAll(List.of("-s", service));
        }
        if (authUser != null) {
            command.addAll(List.of("-au", authUser, "-ap", authPassword));
        }
        if (rate != null) {
            command.addAll(List.of("-r", Double.toString(rate)));
        }
        if (injection != null) {
            Path csv = folder.resolve("injection.csv");
            write(csv, injection);
            command.addAll(List.of("-inf", csv.toString()));
        }
        keys.forEach((name, value) -> command.addAll(List.of("-key", name, value)));
        variables.forEach((name, value) -> command.addAll(List.of("-set", name, value)));
        command.addAll(extraArguments);
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectOutput(folder.resolve("stdout.log").toFile())
                .redirectError(folder.resolve("stderr.log").toFile());
        try {
            return new Started(builder.start(), command, folder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start sipp (bin/ensure-sipp installs it): " + e.getMessage(), e);
        }
    }

    /** A UDP port of 127.0.0.1 free right now. */
    public static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void destroy(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** A new folder under the build directory's {@code sipp-runs} (so that a clean removes it), else under the temp folder. */
    private Path createFolder() {
        try {
            Path parent = runsFolder();
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, scenario + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path runsFolder() {
        URL scenarios = Sipp.class.getResource(RESOURCE_FOLDER);
        if (scenarios != null && "file".equals(scenarios.getProtocol())) {
            try {
                // <build dir>/test-classes/sipp -> <build dir>/sipp-runs
                return Path.of(scenarios.toURI()).getParent().getParent().resolve("sipp-runs");
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "vpbx-sipp-runs");
    }

    private static void copyResource(String name, Path target) {
        try (InputStream in = Sipp.class.getResourceAsStream(RESOURCE_FOLDER + name)) {
            Files.copy(Objects.requireNonNull(in, name), target);
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

    private record Started(Process process, List<String> command, Path folder) {
        Result result(String killed) {
            int exit = process.isAlive() ? -1 : process.exitValue();
            return new Result(exit, killed, command, folder);
        }
    }

    /**
     * How a SIPp run ended: exit code 0 when every call succeeded, 1 when one failed, 99 when none ran,
     * negative for a fatal error (-2: a socket could not be bound).
     *
     * @param killed why the process was destroyed, or null when it exited by itself
     */
    public record Result(int exitCode, String killed, List<String> command, Path folder) {
        public boolean succeeded() {
            return killed == null && exitCode == 0;
        }

        /** SIPp's trace of sent and received messages. */
        public String messages() {
            return read("messages.log");
        }

        /** SIPp's log of unexpected messages and errors. */
        public String errors() {
            return read("errors.log");
        }

        /** Throws an AssertionError quoting SIPp's logs unless every call succeeded. */
        public Result assertSucceeded() {
            if (!succeeded()) {
                throw new AssertionError("sipp failed: " + describe());
            }
            return this;
        }

        /** Throws an AssertionError quoting SIPp's logs unless SIPp exited with {@code expected}. */
        public Result assertExit(int expected) {
            if (killed != null || exitCode != expected) {
                throw new AssertionError("sipp was to exit with " + expected + ": " + describe());
            }
            return this;
        }

        /** The exit, the command and SIPp's logs, for an assertion message. */
        public String describe() {
            return "exit code " + exitCode + (killed == null ? "" : ", " + killed) + "\ncommand: " + String.join(" ", command)
                    + "\n--- errors.log ---\n" + tail(errors()) + "\n--- messages.log ---\n" + tail(messages())
                    + "\n--- stderr ---\n" + tail(read("stderr.log"));
        }

        private String read(String name) {
            Path file = folder.resolve(name);
            try {
                return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "(none)";
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }

        private static String tail(String text) {
            return text.length() <= LOG_QUOTE_CHARS ? text : "..." + text.substring(text.length() - LOG_QUOTE_CHARS);
        }
    }

    /** A SIPp running in the background, stopped by its pid when closed. */
    public static final class Background implements AutoCloseable {
        private final Started started;

        private Background(Started started) {
            this.started = started;
        }

        public long pid() {
            return started.process.pid();
        }

        public boolean isAlive() {
            return started.process.isAlive();
        }

        /** Waits for SIPp to end by itself (its -m calls done), at most {@code limit}, destroying it then. */
        public Result awaitExit(Duration limit) {
            try {
                if (started.process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    return started.result(null);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            stop();
            return started.result("destroyed after waiting " + limit + " for it to end");
        }

        /** Ends this SIPp process (only it, by pid) and returns how it went. */
        public Result stop() {
            destroy(started.process);
            return started.result("stopped by the test");
        }

        @Override
        public void close() {
            if (isAlive()) {
                stop();
            }
        }
    }
}
