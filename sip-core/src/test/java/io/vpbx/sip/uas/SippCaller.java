package io.vpbx.sip.uas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SIPp as the caller, with a scenario of {@code src/test/resources/sipp/}: runs to its end (bounded by SIPp's own
 * timeouts and a process timeout), in a folder of its own whose error log a failure quotes.
 */
final class SippCaller {
    private final String scenario;
    private final List<String> arguments = new ArrayList<>();
    private int calls = 1;

    private SippCaller(String scenario) {
        this.scenario = scenario;
    }

    static SippCaller scenario(String name) {
        return new SippCaller(name);
    }

    /** {@code -key name value}: the scenario's {@code [name]}. */
    SippCaller key(String name, String value) {
        arguments.addAll(List.of("-key", name, value));
        return this;
    }

    SippCaller calls(int count) {
        calls = count;
        return this;
    }

    /** Runs in the background, calling {@code number} at the proxy on 127.0.0.1:{@code port}. */
    CompletableFuture<Result> start(int port, String number) {
        Path folder;
        try {
            folder = Files.createTempDirectory("sipp-" + scenario + "-");
            try (InputStream in = SippCaller.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
                Files.copy(in, folder.resolve(scenario + ".xml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + port, "-sf",
                folder.resolve(scenario + ".xml").toString(), "-i", "127.0.0.1", "-p", Integer.toString(freeUdpPort()),
                "-s", number, "-m", Integer.toString(calls), "-r", "100", "-timeout", "40s", "-timeout_error",
                "-recv_timeout", "30000", "-nostdin", "-trace_err", "-error_file", folder.resolve("errors.log").toString(),
                "-trace_msg", "-message_file", folder.resolve("messages.log").toString()));
        command.addAll(arguments);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(folder.resolve("stdout.log").toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start sipp: " + e.getMessage(), e);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Result(-1, read(folder));
                }
                Result result = new Result(process.exitValue(), read(folder));
                if (result.passed()) {
                    delete(folder);
                }
                return result;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return new Result(-1, "interrupted");
            }
        });
    }

    Result run(int port, String number) {
        return start(port, number).join();
    }

    private static String read(Path folder) {
        try {
            Path errors = folder.resolve("errors.log");
            Path messages = folder.resolve("messages.log");
            return (Files.exists(errors) ? Files.readString(errors) : "") + "\n--- messages ---\n"
                    + (Files.exists(messages) ? Files.readString(messages) : "");
        } catch (IOException e) {
            return "(logs unreadable: " + e.getMessage() + ")";
        }
    }

    private static void delete(Path folder) {
        try (var files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a leftover folder in the temp directory is harmless
        }
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIPp's exit status (0: every call passed) and its logs. */
    record Result(int exit, String logs) {
        boolean passed() {
            return exit == 0;
        }
    }
}
