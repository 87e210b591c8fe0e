package io.vpbx.sip.wire;

import java.util.Arrays;

/** A growable byte array for building messages: ASCII text appended, ranges of received bytes spliced in. */
final class ByteBuilder {
    private byte[] bytes;
    private int length;

    ByteBuilder(int capacity) {
        bytes = new byte[capacity];
    }

    ByteBuilder text(String text) {
        int n = text.length();
        ensure(n);
        // ISO-8859-1: one byte per char; values above 0xFF never occur in what we write
        text.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    ByteBuilder crlf() {
        ensure(2);
        bytes[length++] = '\r';
        bytes[length++] = '\n';
        return this;
    }

    ByteBuilder line(String name, String value) {
        return text(name).text(": ").text(value).crlf();
    }

    ByteBuilder splice(byte[] source, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return this;
        }
        ensure(n);
        System.arraycopy(source, from, bytes, length, n);
        length += n;
        return this;
    }

    byte[] toBytes() {
        return Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
