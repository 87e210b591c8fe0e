package io.vpbx.admin.store;

/**
 * A database failure that is not the caller's fault; the API answers 503 and the change is rolled back. When the
 * database is known to be unreachable, {@link #retryAfterSeconds()} says when to try again (the Retry-After).
 */
public final class StorageException extends RuntimeException {
    private final long retryAfterSeconds;

    public StorageException(String message, Throwable cause) {
        this(message, cause, 0);
    }

    public StorageException(String message, Throwable cause, long retryAfterSeconds) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Seconds to wait before retrying when the database is down; 0 when the failure says nothing of that. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** Whether this failure is the database being unreachable (the breaker's business), not one statement's. */
    public boolean unreachable() {
        return retryAfterSeconds > 0;
    }
}
