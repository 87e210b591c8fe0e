package io.vpbx.sip.wire;

import java.util.Arrays;

/**
 * A growable byte array for building messages: ASCII text appended, ranges of received bytes spliced in. A
 * counting builder only adds up lengths, so that a message can be written a second time into an array of its
 * exact size: one array per message, and no slack kept alive by the transactions that hold it.
 */
final class ByteBuilder {
    /** Null when counting. */
    private byte[] bytes;
    private int length;

    ByteBuilder(int capacity) {
        bytes = new byte[capacity];
    }

    private ByteBuilder() {
    }

    /** A builder that writes nothing and only counts the bytes it is given. */
    static ByteBuilder counting() {
        return new ByteBuilder();
    }

    int length() {
        return length;
    }

    ByteBuilder text(String text) {
        int n = text.length();
        if (bytes == null) {
            length += n;
            return this;
        }
        ensure(n);
        // ISO-8859-1: one byte per char; values above 0xFF never occur in what we write
        text.getBytes(0, n, bytes, length);
        length += n;
        return this;
    }

    ByteBuilder crlf() {
        if (bytes == null) {
            length += 2;
            return this;
        }
        ensure(2);
        bytes[length++] = '\r';
        bytes[length++] = '\n';
        return this;
    }

    /** A non-negative number in decimal, written without a String. */
    ByteBuilder number(int value) {
        int digits = 1;
        for (int rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        if (bytes == null) {
            length += digits;
            return this;
        }
        ensure(digits);
        int rest = value;
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        length += digits;
        return this;
    }

    /** A header field whose value is a non-negative number. */
    ByteBuilder line(String name, int value) {
        return text(name).text(": ").number(value).crlf();
    }

    ByteBuilder line(String name, String value) {
        return text(name).text(": ").text(value).crlf();
    }

    /** Chars {@code [from, to)} of a message's text (ISO-8859-1: one byte per char, the bytes as received). */
    ByteBuilder splice(String source, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return this;
        }
        if (bytes == null) {
            length += n;
            return this;
        }
        ensure(n);
        source.getBytes(from, to, bytes, length);
        length += n;
        return this;
    }

    /** The bytes written: the array itself when it was sized exactly. */
    byte[] toBytes() {
        return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
