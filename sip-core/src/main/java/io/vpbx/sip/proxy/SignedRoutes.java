package io.vpbx.sip.proxy;

import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Record-Route this proxy inserts, signed: {@code ;dlg=} carries a MAC over the Call-ID and the caller's tag
 * (the From tag of the initial INVITE), so a request that comes back along the route proves, without any state,
 * that it belongs to a dialog set up through this proxy (docs/adr/0012). The caller's tag is the From tag of the
 * caller's requests and the To tag of the callee's, so either tag may carry it.
 *
 * <p>Not thread-safe (one {@link Mac}): it belongs to the SIP event loop, like the proxy core.
 */
final class SignedRoutes {
    static final String PARAMETER = ";dlg=";
    /** 96 bits: a forger has no better way than guessing. */
    private static final int TOKEN_BYTES = 12;

    private final Mac mac;

    SignedRoutes(byte[] secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    /** {@code recordRoute} ({@code <sip:host:port;lr>}) with the dialog's token added to the URI. */
    String sign(String recordRoute, String callId, String callerTag) {
        int close = recordRoute.lastIndexOf('>');
        String token = token(callId, callerTag);
        return close < 0 ? recordRoute + PARAMETER + token
                : recordRoute.substring(0, close) + PARAMETER + token + recordRoute.substring(close);
    }

    /** Whether one of the first {@code ours} Route values (the ones naming us) carries this request's dialog token. */
    boolean verifies(WireMessage request, int ours) {
        List<String> routes = request.values(HeaderId.ROUTE);
        String callId = request.callId();
        for (int i = 0; i < Math.min(ours, routes.size()); i++) {
            String given = tokenIn(Addresses.uri(routes.get(i)));
            if (given != null && (matches(given, callId, request.fromTag()) || matches(given, callId, request.toTag()))) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String given, String callId, String tag) {
        return tag != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.ISO_8859_1),
                token(callId, tag).getBytes(StandardCharsets.ISO_8859_1));
    }

    private String token(String callId, String callerTag) {
        mac.update(callId.getBytes(StandardCharsets.ISO_8859_1));
        mac.update((byte) 0);
        mac.update((callerTag == null ? "" : callerTag).getBytes(StandardCharsets.ISO_8859_1));
        byte[] digest = mac.doFinal();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, TOKEN_BYTES));
    }

    private static String tokenIn(String uri) {
        if (uri == null) {
            return null;
        }
        int at = uri.indexOf(PARAMETER);
        if (at < 0) {
            return null;
        }
        int from = at + PARAMETER.length();
        int to = from;
        while (to < uri.length() && uri.charAt(to) != ';' && uri.charAt(to) != '?' && uri.charAt(to) != '>') {
            to++;
        }
        return uri.substring(from, to);
    }
}
