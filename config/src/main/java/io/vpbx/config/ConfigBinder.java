package io.vpbx.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Binds the raw values to the typed records: each key is read with its type, rules that span keys are
 * checked, and the records are built only when nothing at all is wrong. All problems, including those
 * found earlier by the sources, end up in one {@link ConfigException}.
 */
final class ConfigBinder {

    private final ValueReader values;

    ConfigBinder(ValueReader values) {
        this.values = values;
    }

    VpbxConfig bind() {
        AdminConfig admin = admin();
        SipConfig sip = sip();
        SipOverloadConfig sipOverload = sipOverload();
        StorageConfig storage = storage();
        CatalogConfig catalog = catalog();
        SecurityConfig security = security();
        ApiConfig api = api();
        ComplianceConfig compliance = compliance();
        ContactConfig contact = contact();
        RegistrarConfig registrar = registrar();
        ClusterConfig cluster = cluster();
        UplinkConfig uplink = uplink();
        SipTcpConfig sipTcp = sipTcp();
        ListenersConfig listeners = listeners();
        TlsConfig tls = tls(listeners);
        if (sip != null && listeners != null && listeners.sipTls() && sip.tcp() && sip.port() != 0
                && sip.port() == listeners.sipTlsPort()) {
            values.problem("sip.tls-port", "expected a port other than sip.port (" + sip.port()
                    + "), where plain TCP listens, but got '" + listeners.sipTlsPort() + "'");
        }
        if (admin != null && listeners != null && listeners.adminTls() && listeners.adminHttp() && admin.port() != 0
                && admin.port() == listeners.adminTlsPort()) {
            values.problem("admin.tls-port", "expected a port other than admin.port (" + admin.port()
                    + "), where plain HTTP listens, but got '" + listeners.adminTlsPort() + "'");
        }
        if (sipTcp != null && registrar != null && sipTcp.idleTimeout().getSeconds() <= registrar.maxExpires()) {
            values.problem("sip.tcp.idle-timeout", "expected longer than registrar.max-expires (" + registrar.maxExpires()
                    + "s), so that a registered phone's connection is not closed between refreshes, but got '"
                    + sipTcp.idleTimeout() + "'");
        }
        LimitsConfig limits = limits();
        MediaConfig media = media(sip);
        VoicemailConfig voicemail = voicemail();
        MailConfig mail = mail();
        ScenarioConfig scenario = scenario();
        ConsoleConfig console = console();
        Set<String> unread = values.unreadKeys();
        if (!unread.isEmpty()) {
            throw new IllegalStateException("keys declared in the defaults file but bound to no record: " + unread);
        }
        if (!values.valid()) {
            throw new ConfigException(values.problems());
        }
        return new VpbxConfig(admin, sip, storage, catalog, security, api, compliance, contact, registrar, cluster, uplink,
                sipTcp, listeners, tls, sipOverload, limits, media, voicemail, mail, scenario, console);
    }

    private AdminConfig admin() {
        String host = values.read("admin.host", ValueType.host());
        Integer port = values.read("admin.port", ValueType.port());
        Integer perSecond = values.read("admin.rate-limit.per-second", ValueType.intAtLeast(1));
        Integer burst = values.read("admin.rate-limit.burst", ValueType.intAtLeast(1));
        Long maxBody = values.read("admin.max-body-bytes", ValueType.longAtLeast(AdminConfig.MIN_BODY_BYTES));
        Integer defaultPage = values.read("admin.page-size.default", ValueType.intAtLeast(1));
        Integer maxPage = values.read("admin.page-size.max", ValueType.intAtLeast(1));
        values.atLeast("admin.page-size.max", maxPage, "admin.page-size.default", defaultPage);
        return values.valid()
                ? new AdminConfig(host, port, perSecond, burst, maxBody, defaultPage, maxPage)
                : null;
    }

    private SipConfig sip() {
        String host = values.read("sip.host", ValueType.host());
        Integer port = values.read("sip.port", ValueType.port());
        Boolean udp = values.read("sip.udp", ValueType.bool());
        Boolean tcp = values.read("sip.tcp", ValueType.bool());
        String realm = values.read("sip.realm", ValueType.nonEmptyText());
        Integer maxMessage = values.read("sip.max-message-bytes",
                ValueType.intBetween(SipConfig.MIN_MESSAGE_BYTES, SipConfig.MAX_MESSAGE_BYTES));
        Integer maxHeaders = values.read("sip.max-headers",
                ValueType.intBetween(SipConfig.MIN_HEADERS, SipConfig.MAX_HEADERS));
        Integer rate = values.read("sip.per-source.rate", ValueType.intBetween(0, SipConfig.MAX_RATE));
        Integer burst = values.read("sip.per-source.burst", ValueType.intBetween(1, SipConfig.MAX_RATE));
        Integer maxSources = values.read("sip.per-source.max-sources", ValueType.intBetween(1, SipConfig.MAX_SOURCES));
        Integer maxTransactions = values.read("sip.max-transactions",
                ValueType.intBetween(1, SipConfig.MAX_TRANSACTIONS));
        String advertisedHost = values.read("sip.advertised-host",
                ValueType.optionalAdvertisedHost("sip.host, or 127.0.0.1 when that is 0.0.0.0 or ::"));
        Duration timerT1 = values.read("sip.timer-t1", ValueType.duration());
        Optional<String> routeSecret = values.read("sip.route-secret", ValueType.optionalSecret(SipConfig.MIN_ROUTE_SECRET));
        if (Boolean.FALSE.equals(udp) && Boolean.FALSE.equals(tcp)) {
            values.problem("sip.udp", "sip.udp and sip.tcp are both false, at least one transport must be true");
        }
        return values.valid()
                ? new SipConfig(host, port, udp, tcp, realm, maxMessage, maxHeaders, rate, burst, maxSources,
                        maxTransactions, advertisedHost, timerT1, routeSecret)
                : null;
    }

    private SipTcpConfig sipTcp() {
        Integer max = values.read("sip.tcp.max-connections", ValueType.intBetween(1, SipTcpConfig.MAX_CONNECTIONS));
        Integer perSource = values.read("sip.tcp.max-connections-per-source",
                ValueType.intBetween(1, SipTcpConfig.MAX_CONNECTIONS));
        Duration idle = values.read("sip.tcp.idle-timeout", ValueType.duration());
        Duration message = values.read("sip.tcp.message-timeout", ValueType.duration());
        values.atMost("sip.tcp.max-connections-per-source", perSource, "sip.tcp.max-connections", max);
        values.atMost("sip.tcp.message-timeout", message, "sip.tcp.idle-timeout", idle);
        return values.valid() ? new SipTcpConfig(max, perSource, idle, message) : null;
    }

    private ListenersConfig listeners() {
        Boolean sipTls = values.read("sip.tls", ValueType.bool());
        Integer sipTlsPort = values.read("sip.tls-port", ValueType.port());
        Boolean adminHttp = values.read("admin.http", ValueType.bool());
        Boolean adminTls = values.read("admin.tls", ValueType.bool());
        Integer adminTlsPort = values.read("admin.tls-port", ValueType.port());
        if (Boolean.FALSE.equals(adminHttp) && Boolean.FALSE.equals(adminTls)) {
            values.problem("admin.http", "admin.http and admin.tls are both false, at least one must be true");
        }
        return values.valid() ? new ListenersConfig(sipTls, sipTlsPort, adminHttp, adminTls, adminTlsPort) : null;
    }

    private TlsConfig tls(ListenersConfig listeners) {
        Optional<Path> certificate = values.read("tls.certificate", ValueType.optionalReadableFile());
        Optional<Path> privateKey = values.read("tls.private-key", ValueType.optionalReadableFile());
        Optional<Path> trusted = values.read("tls.trusted-certificates", ValueType.optionalReadableFile());
        List<String> pins = values.read("tls.pinned-certificates", ValueType.fingerprints());
        if (certificate != null && privateKey != null && certificate.isPresent() != privateKey.isPresent()) {
            values.problem(certificate.isPresent() ? "tls.private-key" : "tls.certificate",
                    "tls.certificate and tls.private-key must be set together");
        } else if (certificate != null && certificate.isEmpty() && listeners != null && listeners.anyTls()) {
            values.problem("tls.certificate", "expected a PEM file because " + (listeners.sipTls() ? "sip.tls" : "admin.tls")
                    + " is true, but got ''");
        }
        return values.valid() ? new TlsConfig(certificate, privateKey, trusted, pins) : null;
    }

    private SipOverloadConfig sipOverload() {
        Integer trunkRate = values.read("sip.per-source.trunk-rate", ValueType.intBetween(0, SipConfig.MAX_RATE));
        Integer trunkBurst = values.read("sip.per-source.trunk-burst", ValueType.intBetween(1, SipConfig.MAX_RATE));
        Boolean enabled = values.read("sip.overload.enabled", ValueType.bool());
        Duration lagReject = values.read("sip.overload.lag-reject", ValueType.duration());
        Duration lagDrop = values.read("sip.overload.lag-drop", ValueType.duration());
        Integer readsReject = values.read("sip.overload.queue-reject-percent", ValueType.intBetween(1, 100));
        Integer readsDrop = values.read("sip.overload.queue-drop-percent", ValueType.intBetween(1, 100));
        Integer transactions = values.read("sip.overload.transactions-reject-percent", ValueType.intBetween(1, 100));
        Duration retryAfter = values.read("sip.overload.retry-after", ValueType.duration());
        values.atLeast("sip.overload.lag-drop", lagDrop, "sip.overload.lag-reject", lagReject);
        values.atLeast("sip.overload.queue-drop-percent", readsDrop, "sip.overload.queue-reject-percent", readsReject);
        if (retryAfter != null && (retryAfter.toSeconds() < 1 || retryAfter.toMillis() % 1000 != 0)) {
            values.problem("sip.overload.retry-after", "expected whole seconds, at least 1s, but got '" + retryAfter + "'");
        }
        return values.valid()
                ? new SipOverloadConfig(trunkRate, trunkBurst, enabled, lagReject, lagDrop, readsReject, readsDrop,
                        transactions, retryAfter)
                : null;
    }

    private StorageConfig storage() {
        Path dataDir = values.read("data.dir", ValueType.path());
        Optional<String> url = values.read("db.url", ValueType.optionalJdbcUrl());
        String user = values.read("db.user", ValueType.text());
        String password = values.read("db.password", ValueType.text());
        Integer poolSize = values.read("db.pool-size", ValueType.intBetween(1, StorageConfig.MAX_POOL_SIZE));
        return values.valid() ? new StorageConfig(dataDir, url, user, password, poolSize) : null;
    }

    private CatalogConfig catalog() {
        Duration ttl = values.read("catalog.reservation-ttl", ValueType.duration());
        Duration quarantine = values.read("catalog.quarantine", ValueType.duration());
        Duration sweep = values.read("catalog.sweep-interval", ValueType.duration());
        Optional<Path> priceTable = values.read("catalog.price-table", ValueType.optionalPath("the bundled table"));
        Integer importMax = values.read("catalog.import-max-range", ValueType.intAtLeast(1));
        return values.valid() ? new CatalogConfig(ttl, quarantine, sweep, priceTable, importMax) : null;
    }

    private SecurityConfig security() {
        Optional<String> operatorKey = values.read("operator.key",
                ValueType.optionalSecret(SecurityConfig.MIN_OPERATOR_KEY_LENGTH));
        List<AddressRange> allowedPrivateTargets = values.read("security.allowed-private-targets", ValueType.addressRanges());
        return values.valid() ? new SecurityConfig(operatorKey, allowedPrivateTargets) : null;
    }

    private ApiConfig api() {
        Duration retention = values.read("api.idempotency-retention", ValueType.duration());
        Long maxJsonBody = values.read("api.max-json-body-bytes", ValueType.longAtLeast(ApiConfig.MIN_JSON_BODY_BYTES));
        Integer maxArrayItems = values.read("api.max-json-array-items", ValueType.intAtLeast(1));
        Integer maxDepth = values.read("api.max-json-depth", ValueType.intBetween(ApiConfig.MIN_JSON_DEPTH, ApiConfig.MAX_JSON_DEPTH));
        Integer failures = values.read("api.auth-failures.limit", ValueType.intAtLeast(1));
        Duration failureWindow = values.read("api.auth-failures.window", ValueType.duration());
        Duration recheck = values.read("api.key-recheck-interval", ValueType.duration());
        return values.valid() ? new ApiConfig(retention, maxJsonBody, maxArrayItems, maxDepth, failures, failureWindow, recheck) : null;
    }

    private ComplianceConfig compliance() {
        Optional<String> documentKeys = values.read("compliance.document-keys", ValueType.optionalSecret(1));
        Optional<String> fingerprintKey = values.read("compliance.fingerprint-key", ValueType.optionalSecret(1));
        Duration deadline = values.read("compliance.confirmation-deadline", ValueType.duration());
        Duration fullStop = values.read("compliance.full-stop-after", ValueType.duration());
        Duration retention = values.read("compliance.personal-data-retention", ValueType.duration());
        Integer cnPostpaid = values.read("compliance.cn.max-postpaid-per-document", ValueType.intAtLeast(0));
        Integer cnPrepaid = values.read("compliance.cn.max-prepaid-per-document", ValueType.intAtLeast(0));
        Integer ruMax = values.read("compliance.ru.max-numbers-per-document", ValueType.intAtLeast(0));
        return values.valid()
                ? new ComplianceConfig(documentKeys, fingerprintKey, deadline, fullStop, retention, cnPostpaid, cnPrepaid, ruMax)
                : null;
    }

    private ContactConfig contact() {
        Duration ttl = values.read("contact.code-ttl", ValueType.duration());
        Integer attempts = values.read("contact.code-attempts", ValueType.intAtLeast(1));
        Boolean outbox = values.read("contact.sms-outbox-readable", ValueType.bool());
        return values.valid() ? new ContactConfig(ttl, attempts, outbox) : null;
    }

    private UplinkConfig uplink() {
        Integer startsPerSecond = values.read("uplink.starts-per-second", ValueType.intBetween(1, UplinkConfig.MAX_STARTS_PER_SECOND));
        Duration retryBase = values.read("uplink.retry-base", ValueType.duration());
        Duration retryMax = values.read("uplink.retry-max", ValueType.duration());
        Integer rejections = values.read("uplink.max-auth-rejections", ValueType.intBetween(1, UplinkConfig.MAX_AUTH_REJECTIONS));
        return values.valid() ? new UplinkConfig(startsPerSecond, retryBase, retryMax, rejections) : null;
    }

    private LimitsConfig limits() {
        Integer reserved = values.read("limits.max-reserved-numbers", ValueType.intAtLeast(0));
        Integer perHour = values.read("limits.purchases-per-hour", ValueType.intAtLeast(0));
        Integer perDay = values.read("limits.purchases-per-day", ValueType.intAtLeast(0));
        Integer concurrent = values.read("limits.concurrent-calls", ValueType.intAtLeast(0));
        Integer perMinute = values.read("limits.calls-per-minute", ValueType.intAtLeast(0));
        Duration duration = values.read("limits.max-call-duration", ValueType.duration());
        Boolean international = values.read("limits.allow-international", ValueType.bool());
        Boolean premium = values.read("limits.allow-premium", ValueType.bool());
        String prefixText = values.read("limits.allowed-prefixes", ValueType.text());
        List<String> prefixes = prefixText == null || prefixText.isBlank() ? List.of()
                : Arrays.stream(prefixText.split(",", -1)).map(String::trim).toList();
        if (prefixes.stream().anyMatch(prefix -> !LimitsConfig.isPrefix(prefix))) {
            values.problem("limits.allowed-prefixes", "expected a comma-separated list of + and 1..15 digits but got '"
                    + prefixText + "'");
        }
        return values.valid() ? new LimitsConfig(reserved, perHour, perDay, concurrent, perMinute, duration,
                international, premium, prefixes) : null;
    }

    private ClusterConfig cluster() {
        Duration interval = values.read("cluster.poll-interval", ValueType.durationOrOff());
        Integer batch = values.read("cluster.poll-batch", ValueType.intBetween(1, ClusterConfig.MAX_POLL_BATCH));
        return values.valid() ? new ClusterConfig(interval, batch) : null;
    }

    private RegistrarConfig registrar() {
        Integer min = values.read("registrar.min-expires", ValueType.intBetween(1, RegistrarConfig.MAX_MIN_EXPIRES));
        Integer max = values.read("registrar.max-expires", ValueType.intAtLeast(1));
        Integer dflt = values.read("registrar.default-expires", ValueType.intAtLeast(1));
        Integer contacts = values.read("registrar.max-contacts", ValueType.intAtLeast(1));
        Duration nonceLifetime = values.read("registrar.nonce-lifetime", ValueType.duration());
        Integer nonces = values.read("registrar.max-nonces", ValueType.intAtLeast(1));
        String algorithmText = values.read("registrar.digest-algorithms", ValueType.text());
        List<String> algorithms = algorithmText == null ? null : Arrays.stream(algorithmText.split(",", -1))
                .map(name -> name.trim().toUpperCase(Locale.ROOT)).toList();
        if (algorithms != null && !RegistrarConfig.isAlgorithmList(algorithms)) {
            values.problem("registrar.digest-algorithms", "expected " + RegistrarConfig.ALGORITHMS + " but got '"
                    + algorithmText + "'");
        }
        Integer queue = values.read("registrar.write-queue", ValueType.intAtLeast(1));
        Duration interval = values.read("registrar.sync-interval", ValueType.duration());
        Duration lookback = values.read("registrar.sync-lookback", ValueType.duration());
        Duration retention = values.read("registrar.removal-retention", ValueType.duration());
        String nodeId = values.read("registrar.node-id", ValueType.text());
        Integer sourceFailures = values.read("registrar.lockout.source-failures", ValueType.intAtLeast(0));
        Integer usernameFailures = values.read("registrar.lockout.username-failures", ValueType.intAtLeast(0));
        Duration lockoutWindow = values.read("registrar.lockout.window", ValueType.duration());
        Duration lockoutDuration = values.read("registrar.lockout.duration", ValueType.duration());
        Integer lockoutTracked = values.read("registrar.lockout.max-tracked", ValueType.intAtLeast(1));
        if (sourceFailures != null && usernameFailures != null && sourceFailures > 0 && usernameFailures > 0
                && usernameFailures <= sourceFailures) {
            values.problem("registrar.lockout.username-failures", "expected more than registrar.lockout.source-failures ("
                    + sourceFailures + "), or one address could lock a username out everywhere, but got '" + usernameFailures + "'");
        }
        if (values.atLeast("registrar.max-expires", max, "registrar.min-expires", min)
                && min != null && max != null && dflt != null && (dflt < min || dflt > max)) {
            values.problem("registrar.default-expires", "expected " + min + ".." + max
                    + " (registrar.min-expires..registrar.max-expires) but got '" + dflt + "'");
        }
        if (interval != null && lookback != null && retention != null && retention.compareTo(interval.plus(lookback)) <= 0) {
            values.problem("registrar.removal-retention", "expected longer than registrar.sync-interval plus "
                    + "registrar.sync-lookback (" + interval.plus(lookback) + ") but got '"
                    + retention + "'");
        }
        if (nodeId != null && !nodeId.isEmpty() && !RegistrarConfig.isNodeId(nodeId)) {
            values.problem("registrar.node-id", "expected empty (a random id per start) or " + RegistrarConfig.NODE_ID
                    + " but got '" + nodeId + "'");
        }
        return values.valid()
                ? new RegistrarConfig(min, max, dflt, contacts, nonceLifetime, nonces, algorithms, queue, interval, lookback, retention, nodeId,
                        new RegistrarConfig.Lockout(sourceFailures, usernameFailures, lockoutWindow, lockoutDuration, lockoutTracked))
                : null;
    }

    private MediaConfig media(SipConfig sip) {
        String host = values.read("media.host", ValueType.host());
        String advertised = values.read("media.advertised-host", ValueType.text());
        int[] ports = values.read("media.rtp-ports", ValueType.portRange());
        Long maxUpload = values.read("media.max-upload-size", ValueType.byteSize(1024));
        Duration maxClip = values.read("media.max-clip-length", ValueType.duration());
        Long cache = values.read("media.cache-size", ValueType.byteSize(0));
        if (!values.valid()) {
            return null;
        }
        if (advertised.isBlank()) {
            // like sip.advertised-host: the bind address unless it is a wildcard, else the SIP side's advertised host
            advertised = !host.equals("0.0.0.0") && !host.equals("::") ? host
                    : sip != null ? sip.advertisedHostOrDefault() : "127.0.0.1";
        }
        return new MediaConfig(host, advertised, ports[0], ports[1], maxUpload, maxClip, cache);
    }

    private VoicemailConfig voicemail() {
        Duration maxLength = values.read("voicemail.max-length", ValueType.duration());
        Duration silence = values.read("voicemail.silence", ValueType.duration());
        Duration minLength = values.read("voicemail.min-length", ValueType.duration());
        Duration retention = values.read("voicemail.retention", ValueType.duration());
        return values.valid() ? new VoicemailConfig(maxLength, silence, minLength, retention) : null;
    }

    private ScenarioConfig scenario() {
        Integer maxSteps = values.read("scenario.max-steps", ValueType.intAtLeast(1));
        return values.valid() ? new ScenarioConfig(maxSteps) : null;
    }

    private ConsoleConfig console() {
        java.net.URI baseUrl = values.read("console.base-url", ValueType.httpUrl());
        Duration idle = values.read("console.session-idle", ValueType.duration());
        Duration max = values.read("console.session-max", ValueType.duration());
        Duration invitation = values.read("console.invitation-ttl", ValueType.duration());
        Duration codeTtl = values.read("console.code-ttl", ValueType.duration());
        Integer codeAttempts = values.read("console.code-attempts", ValueType.intAtLeast(1));
        Integer lockoutAfter = values.read("console.lockout.after", ValueType.intAtLeast(1));
        Duration lockoutBase = values.read("console.lockout.base", ValueType.duration());
        Duration lockoutMax = values.read("console.lockout.max", ValueType.duration());
        Duration journalRetention = values.read("console.journal-retention", ValueType.duration());
        if (idle != null && max != null && idle.compareTo(max) > 0) {
            values.problem("console.session-idle", "expected no longer than console.session-max (" + max + ") but got '" + idle + "'");
        }
        if (lockoutBase != null && lockoutMax != null && lockoutBase.compareTo(lockoutMax) > 0) {
            values.problem("console.lockout.base", "expected no longer than console.lockout.max (" + lockoutMax + ") but got '"
                    + lockoutBase + "'");
        }
        return values.valid()
                ? new ConsoleConfig(baseUrl, idle, max, invitation, codeTtl, codeAttempts, lockoutAfter, lockoutBase, lockoutMax,
                        journalRetention)
                : null;
    }

    private MailConfig mail() {
        Optional<String> host = values.read("mail.host", ValueType.optionalText());
        Integer port = values.read("mail.port", ValueType.port());
        String security = values.read("mail.security", ValueType.oneOf("none", "starttls", "tls"));
        Optional<String> user = values.read("mail.user", ValueType.optionalText());
        Optional<String> password = values.read("mail.password", ValueType.optionalText());
        String from = values.read("mail.from", ValueType.nonEmptyText());
        Duration timeout = values.read("mail.timeout", ValueType.duration());
        Duration retryBase = values.read("mail.retry-base", ValueType.duration());
        Duration retryMax = values.read("mail.retry-max", ValueType.duration());
        Duration giveUp = values.read("mail.give-up-after", ValueType.duration());
        return values.valid()
                ? new MailConfig(host, port, security, user, password, from, timeout, retryBase, retryMax, giveUp)
                : null;
    }
}
