package io.vpbx.sip.transport;

import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The 513 Message Too Large (RFC 3261 section 21.5.11) for a request whose header section was read but whose
 * whole would exceed the size limit: only the fields a response must copy (section 8.2.6.2) are taken from
 * it, so that the answer stays small whatever the request carried. Responses and ACKs are never answered.
 */
final class TooLargeAnswer {

    /** What a response copies from its request (section 8.2.6.2). */
    private static final List<HeaderId> COPIED = List.of(HeaderId.VIA, HeaderId.FROM, HeaderId.TO, HeaderId.CALL_ID,
            HeaderId.CSEQ);

    private TooLargeAnswer() {
    }

    /** The answer to the request whose header section (start line to CRLFCRLF) this is, or empty when none is due. */
    static Optional<byte[]> to(String headerSection) {
        // read without its body, which never came: a Content-Length beyond the bytes is no matter here
        WireMessage request = WireMessage.parse(headerSection.getBytes(StandardCharsets.ISO_8859_1));
        String method = request.method();
        if (!request.isRequest() || method == null || request.requestUri().indexOf(' ') >= 0 || !isUpperCase(method)
                || "ACK".equals(method)) {
            return Optional.empty();
        }
        for (HeaderId copied : COPIED) {
            if (request.first(copied) == null) {
                return Optional.empty();
            }
        }
        if (request.count(HeaderId.TO) > 1) {
            return Optional.empty();
        }
        // the same tag for a retransmission of the same call (section 8.2.6.2)
        String toTag = HexFormat.of().toHexDigits(request.callId().hashCode());
        return Optional.of(Rewrites.response(request, 513, "Message Too Large", toTag));
    }

    private static boolean isUpperCase(String method) {
        return method.chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }
}
