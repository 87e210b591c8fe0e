package io.vpbx.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code key=value} text, as used by the defaults file and override files.
 *
 * <p>Rules: lines starting with {@code #} or {@code !} are comments; a comment block directly above an
 * entry (no blank line between) is that entry's description; a blank line ends a comment block. Keys
 * and values are trimmed and otherwise taken literally (no escapes, no line continuations). Any other
 * non-blank line without a key before {@code '='} is malformed.
 *
 * @param entries the {@code key=value} lines in file order
 * @param malformed lines that are neither comments, blank nor {@code key=value}
 */
record PropertiesText(List<Entry> entries, List<Malformed> malformed) {

    /** One {@code key=value} line with the comment sentences directly above it. */
    record Entry(int line, String key, String value, String comment) {
    }

    /** A line that could not be read as {@code key=value}. */
    record Malformed(int line, String text) {
    }

    PropertiesText {
        entries = List.copyOf(entries);
        malformed = List.copyOf(malformed);
    }

    static PropertiesText parse(String text) {
        List<Entry> entries = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        StringBuilder comment = new StringBuilder();
        String[] lines = stripByteOrderMark(text).split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty()) {
                comment.setLength(0);
            } else if (line.startsWith("#") || line.startsWith("!")) {
                appendComment(comment, line);
            } else {
                int equals = line.indexOf('=');
                String key = equals < 0 ? "" : line.substring(0, equals).strip();
                if (key.isEmpty() || key.chars().anyMatch(Character::isWhitespace)) {
                    malformed.add(new Malformed(number, line));
                } else {
                    entries.add(new Entry(number, key, line.substring(equals + 1).strip(), comment.toString()));
                }
                comment.setLength(0);
            }
        }
        return new PropertiesText(entries, malformed);
    }

    private static void appendComment(StringBuilder comment, String line) {
        String sentence = line.replaceFirst("^[#!]+", "").strip();
        if (sentence.isEmpty()) {
            return;
        }
        if (comment.length() > 0) {
            comment.append(' ');
        }
        comment.append(sentence);
    }

    private static String stripByteOrderMark(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
