package io.vpbx.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code via-parm} (RFC 3261 section 20.42): {@code sent-protocol LWS sent-by *( SEMI via-params )}.
 * The protocol and sent-by are kept as written; parameters are kept in order, each as written, so that a
 * rewritten value differs from the original only in the parameters that were changed.
 *
 * @param sentProtocolAndSentBy the value up to the first parameter, e.g. {@code SIP/2.0/UDP 192.0.2.4:5060}
 * @param host the host of sent-by, IPv6 references with their brackets
 * @param parameters the parameters, each {@code name} or {@code name=value}
 */
public record ViaValue(String sentProtocolAndSentBy, String host, List<String> parameters) {

    public ViaValue {
        parameters = List.copyOf(parameters);
    }

    /** Reads one via-parm, or nothing when it has no sent-protocol and sent-by. */
    public static Optional<ViaValue> parse(String value) {
        List<String> pieces = HeaderText.split(value, ';');
        String head = pieces.get(0);
        String[] words = head.split("\\s+");
        if (words.length < 2 || !words[0].toUpperCase(Locale.ROOT).startsWith("SIP")) {
            return Optional.empty();
        }
        String host = sentByHost(words[words.length - 1]);
        if (host.isEmpty()) {
            return Optional.empty();
        }
        List<String> parameters = new ArrayList<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            if (piece.isEmpty()) {
                return Optional.empty();
            }
            parameters.add(piece);
        }
        return Optional.of(new ViaValue(head, host, parameters));
    }

    private static String sentByHost(String sentBy) {
        if (sentBy.startsWith("[")) {
            int close = sentBy.indexOf(']');
            return close < 0 ? "" : sentBy.substring(0, close + 1);
        }
        int colon = sentBy.indexOf(':');
        return colon < 0 ? sentBy : sentBy.substring(0, colon);
    }

    public boolean hasParameter(String name) {
        return parameters.stream().anyMatch(p -> name.equalsIgnoreCase(HeaderText.parameterName(p)));
    }

    /** The value of a parameter; empty both when absent and when present without a value. */
    public Optional<String> parameter(String name) {
        return parameters.stream()
                .filter(p -> name.equalsIgnoreCase(HeaderText.parameterName(p)))
                .findFirst()
                .map(HeaderText::parameterValue);
    }

    /** This value with {@code name=value} in place of the parameter of that name, or appended. */
    public ViaValue withParameter(String name, String value) {
        List<String> changed = new ArrayList<>(parameters);
        String replacement = name + "=" + value;
        for (int i = 0; i < changed.size(); i++) {
            if (name.equalsIgnoreCase(HeaderText.parameterName(changed.get(i)))) {
                changed.set(i, replacement);
                return new ViaValue(sentProtocolAndSentBy, host, changed);
            }
        }
        changed.add(replacement);
        return new ViaValue(sentProtocolAndSentBy, host, changed);
    }

    /** The value as it goes on the wire. */
    public String text() {
        StringBuilder text = new StringBuilder(sentProtocolAndSentBy);
        for (String parameter : parameters) {
            text.append(';').append(parameter);
        }
        return text.toString();
    }
}
