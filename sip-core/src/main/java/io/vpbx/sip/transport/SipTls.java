package io.vpbx.sip.transport;

import io.netty.channel.Channel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.vpbx.config.TlsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.util.Optional;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

/**
 * TLS for SIP (RFC 3261 section 26.2.1, RFC 5630): the server side presents the configured certificate chain
 * on the TLS listener; the client side, used when a next hop is {@code sips:} or {@code transport=tls},
 * verifies the peer with {@link PeerTrust} and presents the same certificate should the peer ask for one.
 * TLS 1.2 and 1.3 only (RFC 8996 retired 1.0 and 1.1), on the JDK's provider.
 */
public final class SipTls {

    /** The protocols offered and accepted; anything older is refused in the handshake. */
    public static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final Optional<SslContext> server;
    private final SslContext client;

    private SipTls(Optional<SslContext> server, SslContext client) {
        this.server = server;
        this.client = client;
    }

    /**
     * Reads the certificate, key and trust of {@code config}.
     *
     * @throws IllegalStateException naming the file when a certificate, key or CA file cannot be used
     */
    public static SipTls of(TlsConfig config) {
        try {
            Optional<SslContext> server = Optional.empty();
            SslContextBuilder client = SslContextBuilder.forClient().sslProvider(SslProvider.JDK).protocols(PROTOCOLS)
                    .endpointIdentificationAlgorithm("HTTPS")
                    .trustManager(PeerTrust.of(config.trustedCertificates(), config.pinnedCertificates()));
            if (config.hasCertificate()) {
                var certificate = config.certificate().orElseThrow().toFile();
                var key = config.privateKey().orElseThrow().toFile();
                server = Optional.of(SslContextBuilder.forServer(certificate, key).sslProvider(SslProvider.JDK)
                        .protocols(PROTOCOLS).build());
                client.keyManager(certificate, key);
            }
            return new SipTls(server, client.build());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS files " + config, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot use the TLS certificate, key or CA file of " + config + ": "
                    + e.getMessage(), e);
        }
    }

    /** Whether a certificate is there to serve a TLS listener with. */
    public boolean canServe() {
        return server.isPresent();
    }

    /** The handler of a connection a peer opened to the TLS listener. */
    public SslHandler accepted(Channel channel) {
        return server.orElseThrow(() -> new IllegalStateException("no tls.certificate to serve SIP over TLS with"))
                .newHandler(channel.alloc());
    }

    /** The handler of a connection vpbx opens to {@code host} (the name its certificate must carry). */
    SslHandler opened(Channel channel, String host, int port) {
        SslHandler handler = client.newHandler(channel.alloc(), host, port);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        engine.setSSLParameters(parameters);
        return handler;
    }
}
