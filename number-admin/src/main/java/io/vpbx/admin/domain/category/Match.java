package io.vpbx.admin.domain.category;

/**
 * A matched span of the window, [start, end), and the measured quantity (run length, digit count)
 * that reason templates show as {found}.
 */
record Match(int start, int end, int found) {

    /** The matched digits as text, e.g. "1234". */
    String digits(byte[] window) {
        char[] text = new char[end - start];
        for (int i = start; i < end; i++) {
            text[i - start] = (char) ('0' + window[i]);
        }
        return new String(text);
    }
}
