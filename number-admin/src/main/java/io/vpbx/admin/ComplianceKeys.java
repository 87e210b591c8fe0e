package io.vpbx.admin;

import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.config.ComplianceConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that protect identity documents: the AES key ring that seals document numbers and the
 * secret of their fingerprints. Taken from configuration; where a key is not configured it is
 * generated once into {@code <data.dir>/keys} (owner-only where the file system has POSIX
 * permissions) and read from there on later starts, with a warning that production must set it.
 * Read on first use and then kept; no message ever contains key material.
 */
public final class ComplianceKeys {
    static final String DOCUMENT_KEYS_FILE = "document-keys";
    static final String FINGERPRINT_KEY_FILE = "fingerprint-key";
    static final String GENERATED_KEY_ID = "local1";
    private static final Logger log = LoggerFactory.getLogger(ComplianceKeys.class);

    private final ComplianceConfig config;
    private final Path keysDir;
    private final SecureRandom random;
    private KeyRing documentKeys;
    private byte[] fingerprintKey;

    public ComplianceKeys(ComplianceConfig config, Path dataDir, SecureRandom random) {
        this.config = config;
        this.keysDir = dataDir.resolve("keys");
        this.random = random;
    }

    /** Reads (or generates) both keys now, so that a bad key stops the start rather than the first request. */
    public void load() {
        documentKeys();
        fingerprintKey();
    }

    public synchronized KeyRing documentKeys() {
        if (documentKeys == null) {
            String ring = configured(config.documentKeys())
                    .orElseGet(() -> generated(DOCUMENT_KEYS_FILE, "compliance.document-keys", "VPBX_COMPLIANCE_DOCUMENT_KEYS",
                            () -> GENERATED_KEY_ID + ":" + randomBase64(KeyRing.KEY_BYTES)));
            try {
                documentKeys = KeyRing.parse(ring);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("compliance.document-keys: " + e.getMessage());
            }
        }
        return documentKeys;
    }

    public synchronized byte[] fingerprintKey() {
        if (fingerprintKey == null) {
            String key = configured(config.fingerprintKey())
                    .orElseGet(() -> generated(FINGERPRINT_KEY_FILE, "compliance.fingerprint-key", "VPBX_COMPLIANCE_FINGERPRINT_KEY",
                            () -> randomBase64(32)));
            try {
                fingerprintKey = Base64.getDecoder().decode(key);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("compliance.fingerprint-key: is not valid Base64");
            }
            if (fingerprintKey.length < 32) {
                throw new IllegalStateException("compliance.fingerprint-key: must be at least 32 bytes, got " + fingerprintKey.length);
            }
        }
        return fingerprintKey.clone();
    }

    private static Optional<String> configured(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** The key in {@code keys/<file>}, written there first if the file does not exist yet. */
    private String generated(String file, String configKey, String variable, Supplier<String> source) {
        Path path = keysDir.resolve(file);
        try {
            if (!Files.exists(path)) {
                create(path, source.get());
                log.warn("{} is not set: generated a key into {}. That is for development only; production must set {} "
                        + "(to keep documents sealed so far readable, give it the content of that file)", configKey, path, variable);
            } else {
                log.warn("{} is not set: using the generated key in {}. Production must set {}", configKey, path, variable);
            }
            return Files.readString(path, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(configKey + ": cannot read or create " + path, e);
        }
    }

    /** Creates the file only if it does not exist (two starts racing keep the first key), readable by the owner alone. */
    private void create(Path path, String content) throws IOException {
        boolean posix = Files.getFileStore(existingAncestor(keysDir)).supportsFileAttributeView("posix");
        if (posix) {
            Files.createDirectories(keysDir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(keysDir);
        }
        FileAttribute<?>[] attributes = posix
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        try (SeekableByteChannel channel = Files.newByteChannel(path,
                Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.SYNC), attributes)) {
            channel.write(ByteBuffer.wrap((content + "\n").getBytes(StandardCharsets.US_ASCII)));
        } catch (FileAlreadyExistsException raced) {
            // another start wrote it first: its key is the one to use
        }
    }

    private static Path existingAncestor(Path dir) {
        Path candidate = dir.toAbsolutePath();
        while (candidate != null && !Files.exists(candidate)) {
            candidate = candidate.getParent();
        }
        return candidate == null ? dir.toAbsolutePath().getRoot() : candidate;
    }

    private String randomBase64(int bytes) {
        byte[] key = new byte[bytes];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
