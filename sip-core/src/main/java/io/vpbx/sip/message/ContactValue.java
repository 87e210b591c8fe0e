package io.vpbx.sip.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One value of a Contact header field (RFC 3261 section 20.10): either the wildcard {@code *} or an address
 * with its header parameters ({@code expires}, {@code q}, {@code +sip.instance}, ...), each kept as written.
 *
 * @param uri the contact URI as written, or {@code *} for the wildcard
 * @param parameters the header parameters after the address, each {@code name} or {@code name=value}
 */
public record ContactValue(String uri, List<String> parameters) {

    public static final String WILDCARD = "*";

    public ContactValue {
        parameters = List.copyOf(parameters);
    }

    public boolean isWildcard() {
        return WILDCARD.equals(uri);
    }

    /** The value of a header parameter; empty both when absent and when present without a value. */
    public Optional<String> parameter(String name) {
        return parameters.stream()
                .filter(p -> name.equalsIgnoreCase(HeaderText.parameterName(p)))
                .findFirst()
                .map(HeaderText::parameterValue);
    }

    /**
     * Every contact of a message, in order: Contact header fields as they appear, and comma-separated values
     * within one field in their written order. Empty when any value cannot be read.
     */
    public static Optional<List<ContactValue>> all(SipMessage message) {
        List<ContactValue> contacts = new ArrayList<>();
        for (HeaderField header : message.headers()) {
            if (!header.name().equals(HeaderName.CONTACT)) {
                continue;
            }
            for (String value : HeaderText.split(header.value(), ',')) {
                Optional<ContactValue> contact = parse(value);
                if (contact.isEmpty()) {
                    return Optional.empty();
                }
                contacts.add(contact.get());
            }
        }
        return Optional.of(contacts);
    }

    /** Reads one contact value, or nothing when it has no address or an empty parameter. */
    public static Optional<ContactValue> parse(String value) {
        if (value.strip().equals(WILDCARD)) {
            return Optional.of(new ContactValue(WILDCARD, List.of()));
        }
        Optional<String> uri = AddressValue.uri(value);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        List<String> pieces = HeaderText.split(value, ';');
        List<String> parameters = new ArrayList<>();
        for (String piece : pieces.subList(1, pieces.size())) {
            if (!HeaderText.isToken(HeaderText.parameterName(piece))) {
                return Optional.empty();
            }
            parameters.add(piece);
        }
        return Optional.of(new ContactValue(uri.get(), parameters));
    }
}
