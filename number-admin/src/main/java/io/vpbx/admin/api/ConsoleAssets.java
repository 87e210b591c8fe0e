package io.vpbx.admin.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The web console's files, read once from the classpath (under {@code /console/}, listed in {@code files.txt}) and
 * kept in memory: a few dozen kilobytes. Their {@code fingerprint}, a digest of every file, names the folder they are
 * served from, so a browser may keep them for a year and still sees a new build at once: only {@code index.html},
 * which carries the fingerprint in its links, is fetched again each time.
 */
final class ConsoleAssets {
    static final String ROOT = "/console/";
    static final String FINGERPRINT_MARK = "{{ASSETS}}";

    /** One file: its bytes and its media type. */
    record Asset(byte[] bytes, String contentType) {
    }

    private final Map<String, Asset> files;
    private final String fingerprint;
    private final byte[] index;

    private ConsoleAssets(Map<String, Asset> files, String fingerprint, byte[] index) {
        this.files = files;
        this.fingerprint = fingerprint;
        this.index = index;
    }

    /** The files the build put under {@code /console/} on the classpath; fails startup naming a listed file that is missing. */
    static ConsoleAssets fromClasspath() {
        String list = new String(read("files.txt"), StandardCharsets.UTF_8);
        Map<String, Asset> files = new LinkedHashMap<>();
        MessageDigest digest = sha256();
        for (String line : list.lines().map(String::strip).toList()) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            byte[] bytes = read(line);
            digest.update(line.getBytes(StandardCharsets.UTF_8));
            digest.update(bytes);
            files.put(line, new Asset(bytes, contentType(line)));
        }
        String fingerprint = HexFormat.of().formatHex(digest.digest(), 0, 6);
        byte[] index = new String(read("index.html"), StandardCharsets.UTF_8)
                .replace(FINGERPRINT_MARK, ROOT + fingerprint).getBytes(StandardCharsets.UTF_8);
        return new ConsoleAssets(Map.copyOf(files), fingerprint, index);
    }

    String fingerprint() {
        return fingerprint;
    }

    /** The start page, its links pointing into this build's folder. */
    byte[] index() {
        return index.clone();
    }

    /** A file by its name inside the folder, e.g. {@code js/app.js}; empty for anything not listed. */
    Optional<Asset> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** Total bytes of the JavaScript files, for the size budget. */
    long scriptBytes() {
        return files.entrySet().stream().filter(e -> e.getKey().endsWith(".js"))
                .mapToLong(e -> e.getValue().bytes().length).sum();
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return switch (extension) {
            case "js" -> "text/javascript; charset=utf-8";
            case "css" -> "text/css; charset=utf-8";
            case "svg" -> "image/svg+xml";
            case "json" -> "application/json";
            case "png" -> "image/png";
            case "ico" -> "image/x-icon";
            default -> throw new IllegalStateException("console file " + name + " has a type the console does not serve");
        };
    }

    private static byte[] read(String name) {
        try (InputStream in = ConsoleAssets.class.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + ROOT + name + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
