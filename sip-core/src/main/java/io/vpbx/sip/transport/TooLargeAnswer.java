package io.vpbx.sip.transport;

import io.vpbx.sip.message.HeaderName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 513 Message Too Large (RFC 3261 section 21.5.11) for a request whose header section was read but whose
 * whole would exceed the size limit: only the fields a response must copy (section 8.2.6.2) are taken from
 * it, so that the answer stays small whatever the request carried. Responses and ACKs are never answered.
 */
final class TooLargeAnswer {

    private static final List<String> COPIED = List.of(HeaderName.VIA, HeaderName.FROM, HeaderName.TO,
            HeaderName.CALL_ID, HeaderName.CSEQ);

    private TooLargeAnswer() {
    }

    /** The answer to the request whose header section (start line to CRLFCRLF) this is, or empty when none is due. */
    static Optional<byte[]> to(String headerSection) {
        List<String> lines = unfolded(headerSection);
        if (lines.isEmpty() || !isRequestLine(lines.get(0)) || lines.get(0).startsWith("ACK ")) {
            return Optional.empty();
        }
        Map<String, List<String>> fields = new LinkedHashMap<>();
        COPIED.forEach(name -> fields.put(name, new ArrayList<>()));
        for (String line : lines.subList(1, lines.size())) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            List<String> values = fields.get(HeaderName.canonical(line.substring(0, colon).strip()));
            if (values != null) {
                values.add(line.substring(colon + 1).strip());
            }
        }
        if (fields.values().stream().anyMatch(List::isEmpty) || fields.get(HeaderName.TO).size() > 1) {
            return Optional.empty();
        }
        StringBuilder answer = new StringBuilder("SIP/2.0 513 Message Too Large\r\n");
        fields.forEach((name, values) -> values.forEach(value -> answer.append(name).append(": ")
                .append(HeaderName.TO.equals(name) ? withTag(value, fields.get(HeaderName.CALL_ID).get(0)) : value)
                .append("\r\n")));
        answer.append("Content-Length: 0\r\n\r\n");
        return Optional.of(answer.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private static boolean isRequestLine(String line) {
        String[] parts = line.split(" ", -1);
        return parts.length == 3 && "SIP/2.0".equals(parts[2]) && !parts[0].isEmpty()
                && parts[0].chars().allMatch(c -> c >= 'A' && c <= 'Z');
    }

    /** Adds a To tag when there is none (section 8.2.6.2), the same for a retransmission of the same call. */
    private static String withTag(String to, String callId) {
        if (to.contains(";tag=")) {
            return to;
        }
        return to + ";tag=" + HexFormat.of().toHexDigits(callId.hashCode());
    }

    /** Header lines with continuation lines (leading space or tab) joined to the line they continue. */
    private static List<String> unfolded(String headerSection) {
        List<String> lines = new ArrayList<>();
        for (String line : headerSection.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + " " + line.strip());
            } else {
                lines.add(line);
            }
        }
        return lines;
    }
}
