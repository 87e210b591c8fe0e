package io.vpbx.config;

import java.util.Objects;

/**
 * The TLS listeners and the plain admin listener, besides {@link SipConfig#udp()} and {@link SipConfig#tcp()}.
 * Every TLS listener presents {@link TlsConfig#certificate()}.
 *
 * @param sipTls       whether SIP is served over TLS
 * @param sipTlsPort   port of SIP over TLS, 0 for any free port
 * @param adminHttp    whether the admin API is served over plain HTTP on {@link AdminConfig#port()}
 * @param adminTls     whether the admin API is served over HTTPS
 * @param adminTlsPort port of the admin API over HTTPS, 0 for any free port
 * @param sipIoEngine  how every SIP socket is served: epoll, io_uring, NIO or the best available (sip.io-engine)
 */
public record ListenersConfig(boolean sipTls, int sipTlsPort, boolean adminHttp, boolean adminTls, int adminTlsPort,
                              IoEngine sipIoEngine) {

    /** Plain HTTP for the admin API, no TLS listener: the defaults. */
    public static final ListenersConfig PLAIN = new ListenersConfig(false, 5061, true, false, 8443);

    /** With the best available I/O engine. */
    public ListenersConfig(boolean sipTls, int sipTlsPort, boolean adminHttp, boolean adminTls, int adminTlsPort) {
        this(sipTls, sipTlsPort, adminHttp, adminTls, adminTlsPort, IoEngine.AUTO);
    }

    public ListenersConfig {
        Objects.requireNonNull(sipIoEngine, "sip.io-engine");
        Checks.requirePort(sipTlsPort, "sip.tls-port");
        Checks.requirePort(adminTlsPort, "admin.tls-port");
        if (!adminHttp && !adminTls) {
            throw new IllegalArgumentException("admin.http and admin.tls are both false: the admin API needs one");
        }
    }

    /** Whether any listener needs a certificate. */
    public boolean anyTls() {
        return sipTls || adminTls;
    }
}
