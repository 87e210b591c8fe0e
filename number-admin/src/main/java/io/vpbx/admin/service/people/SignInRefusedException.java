package io.vpbx.admin.service.people;

/**
 * A sign-in refused: wrong credentials (401, one body whether the e-mail or the password was wrong), a wrong or
 * spent code (401), or a wait after too many failures (429 with {@code retryAfterSeconds}).
 */
public final class SignInRefusedException extends RuntimeException {
    private final long retryAfterSeconds;

    private SignInRefusedException(String message, long retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static SignInRefusedException badCredentials() {
        return new SignInRefusedException("the e-mail or the password is wrong", 0);
    }

    public static SignInRefusedException badCode() {
        return new SignInRefusedException("the code is wrong or no longer valid; sign in again if it expired", 0);
    }

    public static SignInRefusedException locked(long retryAfterSeconds) {
        return new SignInRefusedException("too many failed sign-ins: try again in " + retryAfterSeconds + " s", retryAfterSeconds);
    }

    /** Seconds to wait; 0 for wrong credentials or a wrong code. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
