package io.vpbx.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A multipart/form-data body as curl -F sends it: text fields and file parts. */
final class Multipart {
    static final String BOUNDARY = "----vpbx-test-boundary-7MA4YWxkTrZu0gW";
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();

    static String contentType() {
        return "multipart/form-data; boundary=" + BOUNDARY;
    }

    Multipart field(String name, String value) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
        return this;
    }

    Multipart file(String name, String fileName, String type, byte[] content) {
        text("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n");
        body.writeBytes(content);
        text("\r\n");
        return this;
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(body.toByteArray());
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    Map<String, String> headers() {
        return Map.of("Content-Type", contentType());
    }

    private void text(String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
