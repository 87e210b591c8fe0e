package io.vpbx.admin.domain.number;

/** The input cannot be read as a number vpbx serves; the message says what is wrong in words a user understands. */
public final class InvalidPhoneNumberException extends RuntimeException {

    private final String input;

    public InvalidPhoneNumberException(String input, String message) {
        super(message);
        this.input = input;
    }

    /** The input as it was given (may be null). */
    public String input() {
        return input;
    }
}
