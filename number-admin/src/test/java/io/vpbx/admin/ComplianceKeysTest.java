package io.vpbx.admin;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.config.ComplianceConfig;
import io.vpbx.config.VpbxConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Document keys come from configuration, or are generated once into the data folder with a warning. */
class ComplianceKeysTest {
    private static final ComplianceConfig DEFAULTS = VpbxConfig.defaults().compliance();

    @TempDir
    Path dataDir;
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger logger = (Logger) LoggerFactory.getLogger(ComplianceKeys.class);

    @BeforeEach
    void listen() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
    }

    private static ComplianceConfig configured(String documentKeys, String fingerprintKey) {
        return new ComplianceConfig(Optional.ofNullable(documentKeys), Optional.ofNullable(fingerprintKey),
                DEFAULTS.confirmationDeadline(), DEFAULTS.fullStopAfter(), DEFAULTS.personalDataRetention(),
                DEFAULTS.cnMaxPostpaidPerDocument(), DEFAULTS.cnMaxPrepaidPerDocument(), DEFAULTS.ruMaxNumbersPerDocument(),
                DEFAULTS.maxDocumentFileBytes(), DEFAULTS.documentFilesRequired());
    }

    private static String key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return Base64.getEncoder().encodeToString(key);
    }

    @Test
    void missingKeysAreGeneratedOnceOwnerOnlyAndKeptAcrossStarts() throws Exception {
        ComplianceKeys first = new ComplianceKeys(configured(null, null), dataDir, new SecureRandom());
        first.load();
        Path keys = dataDir.resolve("keys");
        Path ring = keys.resolve(ComplianceKeys.DOCUMENT_KEYS_FILE);
        Path fingerprint = keys.resolve(ComplianceKeys.FINGERPRINT_KEY_FILE);
        assertTrue(Files.exists(ring) && Files.exists(fingerprint));
        if (Files.getFileStore(keys).supportsFileAttributeView("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(ring)));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fingerprint)));
        }
        assertEquals(ComplianceKeys.GENERATED_KEY_ID, first.documentKeys().currentKeyId());
        assertEquals(32, first.fingerprintKey().length);

        ComplianceKeys again = new ComplianceKeys(configured(null, null), dataDir, new SecureRandom());
        assertEquals(first.documentKeys(), again.documentKeys());
        assertArrayEquals(first.fingerprintKey(), again.fingerprintKey());

        assertEquals(4, logged.list.size(), "a warning per key and start: " + logged.list);
        String lines = logged.list.stream().map(ILoggingEvent::getFormattedMessage).reduce("", String::concat);
        assertTrue(lines.contains("VPBX_COMPLIANCE_DOCUMENT_KEYS") && lines.contains("VPBX_COMPLIANCE_FINGERPRINT_KEY"), lines);
        String secret = Files.readString(ring).strip();
        assertFalse(lines.contains(secret.substring(secret.indexOf(':') + 1)), "no key material in the log");
        assertFalse(lines.contains(Files.readString(fingerprint).strip()), "no key material in the log");
    }

    @Test
    void configuredKeysAreUsedAndNothingIsWritten() {
        ComplianceKeys keys = new ComplianceKeys(configured("k2:" + key(2) + ",k1:" + key(1), key(3)), dataDir, new SecureRandom());
        keys.load();
        assertEquals(KeyRing.parse("k2:" + key(2) + ",k1:" + key(1)), keys.documentKeys());
        assertArrayEquals(Base64.getDecoder().decode(key(3)), keys.fingerprintKey());
        assertFalse(Files.exists(dataDir.resolve("keys")));
        assertTrue(logged.list.isEmpty(), logged.list.toString());
    }

    @Test
    void aBadKeyNamesTheSettingAndNeverTheKey() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException ring = assertThrows(IllegalStateException.class,
                () -> new ComplianceKeys(configured("k1:" + shortKey, key(3)), dataDir, new SecureRandom()).load());
        assertTrue(ring.getMessage().startsWith("compliance.document-keys"), ring.getMessage());
        assertFalse(ring.getMessage().contains(shortKey), ring.getMessage());
        IllegalStateException fingerprint = assertThrows(IllegalStateException.class,
                () -> new ComplianceKeys(configured("k1:" + key(1), "not base64 !!"), dataDir, new SecureRandom()).load());
        assertEquals("compliance.fingerprint-key: is not valid Base64", fingerprint.getMessage());
        IllegalStateException tooShort = assertThrows(IllegalStateException.class,
                () -> new ComplianceKeys(configured("k1:" + key(1), shortKey), dataDir, new SecureRandom()).load());
        assertFalse(tooShort.getMessage().contains(shortKey), tooShort.getMessage());
    }
}
