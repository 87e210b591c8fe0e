package io.vpbx.sip.uas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * SIPp as the target vpbx calls (a UAS scenario of {@code src/test/resources/sipp/}), listening on 127.0.0.1 at a
 * free port chosen before it starts (the test registers it as the employee's contact). One call, bounded by SIPp's
 * timeouts and a process timeout; a failure quotes its logs.
 */
final class SippCallee {
    private final int port = freeUdpPort();
    private final CompletableFuture<SippCaller.Result> result;

    private SippCallee(String scenario, String rtpPort) {
        Path folder;
        try {
            folder = Files.createTempDirectory("sipp-" + scenario + "-");
            try (InputStream in = SippCallee.class.getResourceAsStream("/sipp/" + scenario + ".xml")) {
                Files.copy(in, folder.resolve(scenario + ".xml"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = List.of("sipp", "-sf", folder.resolve(scenario + ".xml").toString(), "-i", "127.0.0.1",
                "-p", Integer.toString(port), "-m", "1", "-timeout", "40s", "-timeout_error", "-recv_timeout", "30000",
                "-nostdin", "-trace_err", "-error_file", folder.resolve("errors.log").toString(), "-trace_msg",
                "-message_file", folder.resolve("messages.log").toString(), "-key", "rtp_port", rtpPort);
        Process process;
        try {
            process = new ProcessBuilder(command).directory(folder.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                    .redirectOutput(folder.resolve("stdout.log").toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start sipp: " + e.getMessage(), e);
        }
        result = CompletableFuture.supplyAsync(() -> {
            try {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new SippCaller.Result(-1, logs(folder));
                }
                return new SippCaller.Result(process.exitValue(), logs(folder));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
                return new SippCaller.Result(-1, "interrupted");
            }
        });
    }

    /** Starts SIPp with {@code scenario}, its SDP naming {@code rtpPort} on 127.0.0.1. */
    static SippCallee listen(String scenario, int rtpPort) {
        SippCallee callee = new SippCallee(scenario, Integer.toString(rtpPort));
        try {
            Thread.sleep(300); // SIPp binds its socket before it reads the first INVITE
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return callee;
    }

    /** The contact to register for the target: where this SIPp listens. */
    String contact() {
        return "sip:callee@127.0.0.1:" + port;
    }

    SippCaller.Result result() {
        return result.join();
    }

    private static String logs(Path folder) {
        try {
            Path errors = folder.resolve("errors.log");
            Path messages = folder.resolve("messages.log");
            return (Files.exists(errors) ? Files.readString(errors) : "") + "\n--- messages ---\n"
                    + (Files.exists(messages) ? Files.readString(messages) : "");
        } catch (IOException e) {
            return "(logs unreadable: " + e.getMessage() + ")";
        }
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
