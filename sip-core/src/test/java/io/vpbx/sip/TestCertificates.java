package io.vpbx.sip;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Certificates for TLS tests, made by the {@code openssl} command line tool: a CA, a server certificate it
 * issued for localhost and 127.0.0.1, and a rogue self-signed certificate for the same names that no CA
 * vouches for. Keys are unencrypted PKCS#8 PEM (P-256), as {@code tls.private-key} expects.
 */
public record TestCertificates(Path ca, Path certificate, Path privateKey, Path rogueCertificate, Path rogueKey) {

    private static final String NAMES = "subjectAltName=DNS:localhost,IP:127.0.0.1";
    private static final List<String> NEW_KEY = List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes");

    public static TestCertificates in(Path dir) {
        TestCertificates made = new TestCertificates(dir.resolve("ca.pem"), dir.resolve("server.pem"),
                dir.resolve("server.key"), dir.resolve("rogue.pem"), dir.resolve("rogue.key"));
        Path caKey = dir.resolve("ca.key");
        Path request = dir.resolve("server.csr");
        Path extensions = dir.resolve("server.ext");
        try {
            Files.writeString(extensions, NAMES + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(dir, concat(List.of("req", "-x509"), NEW_KEY, List.of("-keyout", caKey.toString(), "-out", made.ca().toString(),
                "-days", "2", "-subj", "/CN=vpbx test CA")));
        openssl(dir, concat(List.of("req"), NEW_KEY, List.of("-keyout", made.privateKey().toString(), "-out", request.toString(),
                "-subj", "/CN=localhost")));
        openssl(dir, List.of("x509", "-req", "-in", request.toString(), "-CA", made.ca().toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", made.certificate().toString(), "-days", "2", "-extfile", extensions.toString()));
        openssl(dir, concat(List.of("req", "-x509"), NEW_KEY, List.of("-keyout", made.rogueKey().toString(), "-out",
                made.rogueCertificate().toString(), "-days", "2", "-subj", "/CN=localhost", "-addext", NAMES)));
        return made;
    }

    /** Runs {@code openssl} with {@code arguments}; stdin empty, bounded in time. */
    private static void openssl(Path dir, List<String> arguments) {
        try {
            Process process = new ProcessBuilder(concat(List.of("openssl"), arguments)).directory(dir.toFile())
                    .redirectErrorStream(true).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("openssl " + arguments + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... parts) {
        return java.util.Arrays.stream(parts).flatMap(List::stream).toList();
    }
}
