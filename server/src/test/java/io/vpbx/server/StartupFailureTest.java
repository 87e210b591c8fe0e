package io.vpbx.server;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node that cannot start (a port already taken) exits non-zero and says which port, rather than staying up half
 * started where a supervisor never restarts it. Runs {@link Main} in a JVM of its own, as a supervisor would.
 */
class StartupFailureTest {
    private static final long EXIT_LIMIT_SECONDS = 120;

    @TempDir
    Path dataDir;

    @Test
    void aSipPortInUseEndsTheProcessWithANonZeroStatusNamingThePort() throws Exception {
        try (DatagramSocket taken = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            int port = taken.getLocalPort();
            Exit exit = runMain("--sip.port=" + port, "--sip.tcp=false", "--admin.port=0");
            assertNotEquals(0, exit.code(), exit.output());
            assertTrue(exit.output().contains(":" + port), exit.output());
        }
    }

    @Test
    void anAdminPortInUseEndsTheProcessWithANonZeroStatusNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            Exit exit = runMain("--sip.port=0", "--admin.port=" + port);
            assertNotEquals(0, exit.code(), exit.output());
            assertTrue(exit.output().contains("admin.port " + port), exit.output());
        }
    }

    private record Exit(int code, String output) {
    }

    private Exit runMain(String... flags) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "--admin.host=127.0.0.1", "--sip.host=127.0.0.1", "--data.dir=" + dataDir,
                "--operator.key=" + RunningServer.OPERATOR_KEY, "--catalog.sweep-interval=1h"));
        command.addAll(List.of(flags));
        Path log = dataDir.resolve("main.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean exited = process.waitFor(EXIT_LIMIT_SECONDS, TimeUnit.SECONDS);
            String output = Files.readString(log);
            if (!exited) {
                throw new AssertionError("vpbx was still running " + EXIT_LIMIT_SECONDS + " s after a failed start:\n" + output);
            }
            return new Exit(process.exitValue(), output);
        } finally {
            process.destroyForcibly();
        }
    }
}
