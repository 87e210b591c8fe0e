package io.vpbx.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DefaultsFileTest {

    private static final List<String> KNOWN_KEYS = List.of(
            "admin.host", "admin.port", "admin.rate-limit.per-second", "admin.rate-limit.burst",
            "admin.max-body-bytes", "admin.page-size.default", "admin.page-size.max", "admin.http", "admin.tls", "admin.tls-port",
            "sip.host", "sip.port", "sip.udp", "sip.tcp", "sip.realm", "sip.max-message-bytes",
            "sip.max-headers", "sip.per-source.rate", "sip.per-source.burst", "sip.per-source.max-sources",
            "sip.max-transactions", "sip.advertised-host", "sip.timer-t1", "sip.route-secret", "sip.tcp.max-connections",
            "sip.tcp.max-connections-per-source", "sip.tcp.idle-timeout", "sip.tcp.message-timeout", "sip.tls", "sip.tls-port",
            "sip.per-source.trunk-rate", "sip.per-source.trunk-burst", "sip.overload.enabled", "sip.overload.lag-reject",
            "sip.overload.lag-drop", "sip.overload.queue-reject-percent", "sip.overload.queue-drop-percent",
            "sip.overload.transactions-reject-percent", "sip.overload.retry-after",
            "uplink.starts-per-second", "uplink.retry-base", "uplink.retry-max", "uplink.max-auth-rejections",
            "registrar.min-expires", "registrar.max-expires", "registrar.default-expires", "registrar.max-contacts",
            "registrar.nonce-lifetime", "registrar.max-nonces", "registrar.digest-algorithms", "registrar.write-queue", "registrar.sync-interval",
            "registrar.sync-lookback", "registrar.removal-retention", "registrar.node-id",
            "registrar.lockout.source-failures", "registrar.lockout.username-failures", "registrar.lockout.window",
            "registrar.lockout.duration", "registrar.lockout.max-tracked",
            "cluster.poll-interval", "cluster.poll-batch",
            "data.dir", "db.url", "db.user", "db.password", "db.pool-size",
            "tls.certificate", "tls.private-key", "tls.trusted-certificates", "tls.pinned-certificates",
            "operator.key", "security.allowed-private-targets",
            "catalog.reservation-ttl", "catalog.quarantine", "catalog.sweep-interval", "catalog.price-table",
            "catalog.import-max-range",
            "api.idempotency-retention", "api.max-json-body-bytes", "api.max-json-array-items", "api.max-json-depth",
            "api.auth-failures.limit", "api.auth-failures.window", "api.key-recheck-interval",
            "compliance.document-keys", "compliance.fingerprint-key", "compliance.confirmation-deadline",
            "compliance.full-stop-after", "compliance.personal-data-retention", "compliance.cn.max-postpaid-per-document",
            "compliance.cn.max-prepaid-per-document", "compliance.ru.max-numbers-per-document",
            "contact.code-ttl", "contact.code-attempts", "contact.sms-outbox-readable",
            "limits.max-reserved-numbers", "limits.purchases-per-hour", "limits.purchases-per-day", "limits.concurrent-calls",
            "limits.calls-per-minute", "limits.max-call-duration", "limits.allow-international", "limits.allow-premium",
            "limits.allowed-prefixes",
            "media.host", "media.advertised-host", "media.rtp-ports", "media.max-upload-size", "media.max-clip-length",
            "media.cache-size", "voicemail.max-length", "voicemail.silence", "voicemail.min-length", "voicemail.retention",
            "mail.host", "mail.port", "mail.security", "mail.user", "mail.password", "mail.from", "mail.timeout",
            "mail.retry-base", "mail.retry-max", "mail.give-up-after",
            "scenario.max-steps",
            "console.base-url", "console.session-idle", "console.session-max", "console.invitation-ttl", "console.code-ttl",
            "console.code-attempts", "console.lockout.after", "console.lockout.base", "console.lockout.max",
            "console.journal-retention");

    @Test
    void defaultsFileDeclaresExactlyTheKnownKeys() {
        List<String> names = KeyCatalogue.bundled().keys().stream().map(ConfigKey::name).toList();
        assertEquals(KNOWN_KEYS, names);
    }

    @Test
    void everyKeyHasACommentSentence() {
        for (ConfigKey key : KeyCatalogue.bundled().keys()) {
            String sentence = key.description();
            assertTrue(sentence.length() >= 40, key.name() + " has too short a description: " + sentence);
            assertTrue(Character.isUpperCase(sentence.charAt(0)), key.name() + " description starts lower case");
            assertTrue(sentence.endsWith("."), key.name() + " description is not a sentence: " + sentence);
            assertFalse(sentence.contains("----"), key.name() + " swallowed a section header: " + sentence);
        }
    }

    @Test
    void defaultsLoadIntoTypedRecords() {
        VpbxConfig config = VpbxConfig.defaults();

        assertEquals(new AdminConfig("0.0.0.0", 8080, 20, 100, 67_108_864L, 50, 1000), config.admin());
        assertEquals(new SipConfig("0.0.0.0", 5060, true, true, "vpbx", 65535, 100, 2000, 4000, 10_000, 200_000, ""),
                config.sip());
        assertEquals(SipOverloadConfig.defaults(), config.sipOverload());
        assertEquals("127.0.0.1", config.sip().advertisedHostOrDefault());
        assertTrue(config.sip().throttlesSources());
        assertEquals(new StorageConfig(Path.of("./data"), Optional.empty(), "", "", 10), config.storage());
        assertTrue(config.storage().embedded());
        assertEquals(new CatalogConfig(Duration.ofMinutes(30), Duration.ofDays(90), Duration.ofSeconds(10),
                Optional.empty(), 2_000_000), config.catalog());
        assertEquals(Optional.empty(), config.security().operatorKey());
        assertEquals(new ApiConfig(Duration.ofHours(24), 262_144, 10_000, 32), config.api());
        assertEquals(SipTcpConfig.DEFAULTS, config.sipTcp());
        assertEquals(ListenersConfig.PLAIN, config.listeners());
        assertEquals(TlsConfig.NONE, config.tls());
    }

    @Test
    void theShortSipConstructorAppliesTheDocumentedDefaults() {
        SipConfig fromFile = VpbxConfig.defaults().sip();
        assertEquals(fromFile, new SipConfig(fromFile.host(), fromFile.port(), fromFile.udp(), fromFile.tcp(),
                fromFile.realm(), fromFile.maxMessageBytes()));
    }

    @Test
    void defaultsIgnoreNonVpbxEnvironment() {
        VpbxConfig config = ConfigLoader.load(new String[0], java.util.Map.of("PATH", "/usr/bin", "HOME", "/root"));
        assertEquals(VpbxConfig.defaults(), config);
    }

    @Test
    void keyWithoutCommentIsRejectedNamingIt() {
        String text = "# The port.\nadmin.port=8080\n\n# Header.\n\nsip.port=5060\n";
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> KeyCatalogue.parse(text, "test-defaults"));
        assertTrue(e.getMessage().contains("sip.port"), e.getMessage());
        assertTrue(e.getMessage().contains("line 6"), e.getMessage());
    }

    @Test
    void keysMappingToTheSameEnvironmentVariableAreRejected() {
        String text = "# One.\na.b-c=1\n# Two.\na.b.c=2\n";
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyCatalogue.parse(text, "t"));
        assertTrue(e.getMessage().contains("VPBX_A_B_C"), e.getMessage());
    }

    @Test
    void helpTextListsEveryKeyWithEnvNameDefaultAndSentence() {
        String help = ConfigLoader.helpText();
        for (ConfigKey key : KeyCatalogue.bundled().keys()) {
            assertTrue(help.contains("--" + key.name()), key.name());
            assertTrue(help.contains("env " + key.envName() + ", default "), key.envName());
            assertTrue(help.contains(key.description()), key.name() + " sentence");
        }
        assertTrue(help.contains("env VPBX_ADMIN_PORT, default 8080"));
        assertTrue(help.contains("--config=PATH"));
    }

    @Test
    void helpIsRecognisedButIsNotAKey() {
        assertTrue(ConfigLoader.helpRequested(new String[] {"--admin.port=1", "--help"}));
        assertTrue(ConfigLoader.helpRequested(new String[] {"-h"}));
        assertFalse(ConfigLoader.helpRequested(new String[] {"--admin.port=1"}));
        assertEquals(VpbxConfig.defaults(), ConfigLoader.load(new String[] {"--help"}, java.util.Map.of()));
    }
}
