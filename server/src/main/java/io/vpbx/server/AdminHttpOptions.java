package io.vpbx.server;

import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import io.vpbx.config.AdminConfig;
import io.vpbx.config.ListenersConfig;
import io.vpbx.config.TlsConfig;
import io.vpbx.sip.transport.SipTls;
import java.util.Set;

/**
 * The admin API's listeners: plain HTTP on {@code admin.port}, HTTPS on {@code admin.tls-port} with the same
 * certificate as SIP over TLS ({@code tls.certificate}, {@code tls.private-key}) and the same protocols
 * (TLS 1.2 and 1.3). Both serve the same router.
 */
final class AdminHttpOptions {

    private AdminHttpOptions() {
    }

    static HttpServerOptions plain(AdminConfig admin) {
        return new HttpServerOptions().setHost(admin.host()).setPort(admin.port());
    }

    static HttpServerOptions secure(AdminConfig admin, ListenersConfig listeners, TlsConfig tls) {
        PemKeyCertOptions certificate = new PemKeyCertOptions()
                .setCertPath(tls.certificate().orElseThrow().toString())
                .setKeyPath(tls.privateKey().orElseThrow().toString());
        return new HttpServerOptions().setHost(admin.host()).setPort(listeners.adminTlsPort())
                .setSsl(true)
                .setKeyCertOptions(certificate)
                .setEnabledSecureTransportProtocols(Set.of(SipTls.PROTOCOLS));
    }
}
