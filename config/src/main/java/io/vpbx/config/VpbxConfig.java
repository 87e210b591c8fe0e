package io.vpbx.config;

import java.util.Map;
import java.util.Objects;

/** All vpbx configuration, typed and validated; built by {@link ConfigLoader}. */
public record VpbxConfig(AdminConfig admin, SipConfig sip, StorageConfig storage, CatalogConfig catalog,
        SecurityConfig security, ApiConfig api, ComplianceConfig compliance, ContactConfig contact,
        RegistrarConfig registrar, ClusterConfig cluster, UplinkConfig uplink, SipTcpConfig sipTcp,
        ListenersConfig listeners, TlsConfig tls, SipOverloadConfig sipOverload,
        LimitsConfig limits, MediaConfig media, VoicemailConfig voicemail, MailConfig mail, ScenarioConfig scenario,
        WebhooksConfig webhooks, SmsConfig sms, ConsoleConfig console) {

    public VpbxConfig {
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(compliance, "compliance");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(sipOverload, "sipOverload");
        Objects.requireNonNull(sipTcp, "sipTcp");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(tls, "tls");
        if (listeners.anyTls() && !tls.hasCertificate()) {
            throw new IllegalArgumentException("sip.tls or admin.tls is on but tls.certificate is empty");
        }
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(media, "media");
        Objects.requireNonNull(voicemail, "voicemail");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(webhooks, "webhooks");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(console, "console");
    }

    /** The documented defaults alone, ignoring the process environment. */
    public static VpbxConfig defaults() {
        return ConfigLoader.load(new String[0], Map.of());
    }
}
