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
import javax.crypto.ShortBufferException;
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

    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

    private final Mac mac;
    /**
     * The MAC, its first {@link #TOKEN_BYTES} and those in Base64: reused for every token, as a token is computed for
     * each INVITE and each request that comes back along the route (this class belongs to one thread, see above).
     */
    private final byte[] digest;
    private final byte[] truncated = new byte[TOKEN_BYTES];
    private final byte[] token = new byte[(TOKEN_BYTES * 4 + 2) / 3];

    SignedRoutes(byte[] secret) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            digest = new byte[mac.getMacLength()];
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime provides HmacSHA256", e);
        }
    }

    /** {@code recordRoute} ({@code <sip:host:port;lr>}) with the dialog's token added to the URI. */
    String sign(String recordRoute, String callId, String callerTag) {
        int close = recordRoute.lastIndexOf('>');
        computeToken(callId, callerTag);
        String token = new String(this.token, StandardCharsets.ISO_8859_1);
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
        if (tag == null) {
            return false;
        }
        computeToken(callId, tag);
        return isToken(given);
    }

    /** Whether {@code given} is the token just computed, compared in constant time as {@link MessageDigest#isEqual}. */
    private boolean isToken(String given) {
        int difference = given.length() ^ token.length;
        for (int i = 0; i < token.length; i++) {
            difference |= (i < given.length() ? isoByte(given.charAt(i)) : 0) ^ token[i];
        }
        return difference == 0;
    }

    /** The token of a dialog into {@link #token}: HMAC-SHA256 over Call-ID, a zero byte, the caller's tag. */
    private void computeToken(String callId, String callerTag) {
        update(callId);
        mac.update((byte) 0);
        update(callerTag == null ? "" : callerTag);
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("the digest array has the MAC's length", e);
        }
        System.arraycopy(digest, 0, truncated, 0, TOKEN_BYTES);
        BASE64.encode(truncated, token);
    }

    /** The value's ISO-8859-1 bytes, as {@code getBytes(ISO_8859_1)} gives them, without copying them out first. */
    private void update(String value) {
        for (int i = 0; i < value.length(); i++) {
            mac.update(isoByte(value.charAt(i)));
        }
    }

    private static byte isoByte(char c) {
        return c <= 0xFF ? (byte) c : (byte) '?';
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
