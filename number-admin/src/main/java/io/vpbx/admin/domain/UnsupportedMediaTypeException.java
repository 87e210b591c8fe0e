package io.vpbx.admin.domain;

/**
 * Content of a kind the operation does not take at all (a text file where a WAV file is expected), naming the field
 * that carried it. Answered 415; content of the right kind that breaks a rule is an {@link InvalidFieldException}.
 */
public final class UnsupportedMediaTypeException extends RuntimeException {
    private final String field;

    public UnsupportedMediaTypeException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
