package io.vpbx.sip;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code openssl s_client} as a real TLS client for tests: sends bytes over TLS and reads the answer up to the
 * empty line that ends a SIP response's headers; or tries a handshake alone and reports how it went.
 * Every run is bounded in time and its process ended by the test.
 */
public final class OpensslClient {

    private static final long TIMEOUT_SECONDS = 10;

    private OpensslClient() {
    }

    /** Sends {@code request} to 127.0.0.1:{@code port} verifying the server against {@code ca}; returns the response headers. */
    public static String exchange(int port, Path ca, byte[] request) throws IOException, InterruptedException {
        Process process = start(List.of("-connect", "127.0.0.1:" + port, "-CAfile", ca.toString(), "-verify_return_error",
                "-servername", "localhost", "-quiet"));
        try {
            process.getOutputStream().write(request);
            process.getOutputStream().flush();
            CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> readHeaders(process.getInputStream()));
            return answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("no answer over TLS: " + new String(process.getErrorStream().readNBytes(4096),
                    StandardCharsets.UTF_8), e);
        } finally {
            process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    /** A handshake alone with the given protocol flag ({@code -tls1_1}, {@code -tls1_2}); returns openssl's output. */
    public static String handshake(int port, String protocolFlag) throws IOException, InterruptedException {
        // SECLEVEL=0 lets this openssl offer old protocols at all, so that a refusal is the server's
        Process process = start(List.of("-connect", "127.0.0.1:" + port, protocolFlag, "-cipher", "DEFAULT@SECLEVEL=0", "-brief"));
        try {
            process.getOutputStream().close();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("openssl s_client did not finish");
            }
            return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            process.destroyForcibly().waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
    }

    private static Process start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client"));
        command.addAll(arguments);
        return new ProcessBuilder(command).start();
    }

    private static String readHeaders(InputStream in) {
        try {
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            while (!response.toString(StandardCharsets.UTF_8).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("connection closed after " + response.toString(StandardCharsets.UTF_8));
                }
                response.write(b);
            }
            return response.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
