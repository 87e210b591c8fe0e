package io.vpbx.sip;

import io.vpbx.config.ListenersConfig;
import io.vpbx.config.SipConfig;
import io.vpbx.config.SipOverloadConfig;
import io.vpbx.config.SipTcpConfig;
import io.vpbx.config.UplinkConfig;
import io.vpbx.sip.egress.AccountTargets;
import io.vpbx.sip.transport.SipTls;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a {@link SipServer} is configured with, in one value: the composition root fills it from the typed
 * configuration, tests start from {@link #of} and change what they exercise.
 *
 * @param sip            host, ports, transports, limits and timers of the SIP listener
 * @param tcp            connection caps and timeouts of TCP and TLS connections
 * @param listeners      whether SIP is served over TLS too, and on which port
 * @param tls            the certificate served and the trust in peers called over TLS; empty for no TLS at all
 * @param uplink         how third-party numbers are registered at their operators
 * @param overload       the trunks' throttle and how new calls are shed while the event loop is behind
 * @param accountTargets where next hops accounts named (external PBXs, third-party registrars) may not lead,
 *                       checked after DNS before every connection
 */
public record SipServerSettings(SipConfig sip, SipTcpConfig tcp, ListenersConfig listeners, Optional<SipTls> tls,
                                UplinkConfig uplink, SipOverloadConfig overload, AccountTargets accountTargets) {

    /** The uplink defaults of vpbx-defaults.properties, for servers built without the whole configuration. */
    static final UplinkConfig DEFAULT_UPLINKS = new UplinkConfig(50, Duration.ofSeconds(2), Duration.ofMinutes(10), 3);

    public SipServerSettings {
        Objects.requireNonNull(sip, "sip");
        Objects.requireNonNull(tcp, "tcp");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(uplink, "uplink");
        Objects.requireNonNull(overload, "overload");
        Objects.requireNonNull(accountTargets, "accountTargets");
    }

    /** {@code sip} with every other part at its default: no TLS, strict account targets. */
    public static SipServerSettings of(SipConfig sip) {
        return new SipServerSettings(sip, SipTcpConfig.DEFAULTS, ListenersConfig.PLAIN, Optional.empty(), DEFAULT_UPLINKS,
                SipOverloadConfig.defaults(), AccountTargets.strict());
    }

    public SipServerSettings withTcp(SipTcpConfig value) {
        return new SipServerSettings(sip, value, listeners, tls, uplink, overload, accountTargets);
    }

    public SipServerSettings withTls(ListenersConfig withListeners, Optional<SipTls> withTls) {
        return new SipServerSettings(sip, tcp, withListeners, withTls, uplink, overload, accountTargets);
    }

    public SipServerSettings withUplink(UplinkConfig value) {
        return new SipServerSettings(sip, tcp, listeners, tls, value, overload, accountTargets);
    }

    public SipServerSettings withOverload(SipOverloadConfig value) {
        return new SipServerSettings(sip, tcp, listeners, tls, uplink, value, accountTargets);
    }

    public SipServerSettings withAccountTargets(AccountTargets value) {
        return new SipServerSettings(sip, tcp, listeners, tls, uplink, overload, value);
    }
}
