package io.vpbx.admin.domain;

/**
 * Input that breaks a rule, naming the field in the request's own terms (snake_case, JSON pointer
 * style for nested fields, e.g. {@code forwarding.target.uris[1]}). Answered 422.
 */
public final class InvalidFieldException extends RuntimeException {
    private final String field;

    public InvalidFieldException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    /** The same problem, with the field placed under a parent, e.g. {@code set.} + {@code forwarding}. */
    public InvalidFieldException under(String parent) {
        return new InvalidFieldException(parent + "." + field, reason());
    }
}
