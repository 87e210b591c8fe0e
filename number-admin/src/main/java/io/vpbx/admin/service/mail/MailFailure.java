package io.vpbx.admin.service.mail;

/**
 * A mail that was not accepted: the server could not be reached, timed out, or answered with a 4xx/5xx reply. The
 * message says which, for the delivery's {@code last_error}.
 */
public final class MailFailure extends Exception {
    public MailFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
