package io.vpbx.sip;

import io.vpbx.sip.message.HeaderName;
import java.nio.charset.StandardCharsets;

/**
 * Writes a response without a body: status line, header fields in the order given, then
 * {@code Content-Length: 0} and the empty line. Values are written as given, one char per byte
 * (ISO-8859-1), the inverse of how {@link io.vpbx.sip.message.SipMessageReader} reads them.
 */
final class ResponseBuilder {

    private static final String CRLF = "\r\n";

    private final StringBuilder text = new StringBuilder(512);

    ResponseBuilder(int status, String reasonPhrase) {
        text.append("SIP/2.0 ").append(status).append(' ').append(reasonPhrase).append(CRLF);
    }

    ResponseBuilder header(String name, String value) {
        text.append(name).append(':');
        if (!value.isEmpty()) {
            text.append(' ').append(value);
        }
        text.append(CRLF);
        return this;
    }

    byte[] build() {
        header(HeaderName.CONTENT_LENGTH, "0");
        text.append(CRLF);
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
