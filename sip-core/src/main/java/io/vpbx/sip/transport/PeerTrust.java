package io.vpbx.sip.transport;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Whether vpbx trusts the certificate of a peer it calls over TLS: a pinned certificate (its SHA-256
 * fingerprint is configured) is trusted whatever its chain and name; any other must chain to the JDK's
 * trust store or to the configured CA file, and name the host vpbx connected to (the engine carries
 * the host and endpoint identification "HTTPS", RFC 5922 section 7 by way of RFC 6125).
 */
final class PeerTrust extends X509ExtendedTrustManager {

    private final Set<String> pinned;
    /** The JDK's trust store first, then the configured CAs; one accepting is enough. */
    private final List<X509ExtendedTrustManager> anchors;

    PeerTrust(Set<String> pinned, List<X509ExtendedTrustManager> anchors) {
        this.pinned = Set.copyOf(pinned);
        this.anchors = List.copyOf(anchors);
    }

    /** The JDK's trust store, the CAs in {@code caFile} when given, and the pinned fingerprints. */
    static PeerTrust of(Optional<Path> caFile, List<String> pinned) throws GeneralSecurityException, IOException {
        List<X509ExtendedTrustManager> anchors = new ArrayList<>();
        anchors.add(pkix(null));
        if (caFile.isPresent()) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            try (InputStream in = Files.newInputStream(caFile.get())) {
                int index = 0;
                for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    store.setCertificateEntry("ca-" + index++, certificate);
                }
            }
            anchors.add(pkix(store));
        }
        return new PeerTrust(Set.copyOf(pinned), anchors);
    }

    private static X509ExtendedTrustManager pkix(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X509ExtendedTrustManager in the PKIX trust manager factory");
    }

    /** SHA-256 of the DER encoding, 64 lower-case hex digits: what {@code tls.pinned-certificates} lists. */
    static String fingerprint(X509Certificate certificate) throws CertificateEncodingException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, anchor -> anchor.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, anchor -> anchor.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, anchor -> anchor.checkServerTrusted(chain, authType));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, anchor -> anchor.checkClientTrusted(chain, authType, engine));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, anchor -> anchor.checkClientTrusted(chain, authType, socket));
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, anchor -> anchor.checkClientTrusted(chain, authType));
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.stream().flatMap(anchor -> java.util.Arrays.stream(anchor.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }

    private interface Check {
        void run(X509ExtendedTrustManager anchor) throws CertificateException;
    }

    private void check(X509Certificate[] chain, Check check) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the peer sent no certificate");
        }
        if (pinned.contains(fingerprint(chain[0]))) {
            return;
        }
        CertificateException first = null;
        for (X509ExtendedTrustManager anchor : anchors) {
            try {
                check.run(anchor);
                return;
            } catch (CertificateException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }
}
