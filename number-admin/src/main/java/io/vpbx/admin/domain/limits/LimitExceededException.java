package io.vpbx.admin.domain.limits;

/**
 * A request that would take an account over one of its limits. {@code limit} is the limit's API name (as in
 * /v1/accounts/{id}/limits), {@code value} the limit in force; a rate limit also tells when a slot frees.
 */
public final class LimitExceededException extends RuntimeException {
    /** Whether the limit caps what the account holds (409: give something back first) or a rate (429: wait). */
    public enum Kind { HOLDING, RATE }

    private final Kind kind;
    private final String limit;
    private final int value;
    private final long retryAfterSeconds;

    public LimitExceededException(Kind kind, String limit, int value, long retryAfterSeconds, String message) {
        super(message);
        this.kind = kind;
        this.limit = limit;
        this.value = value;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Kind kind() {
        return kind;
    }

    public String limit() {
        return limit;
    }

    public int value() {
        return value;
    }

    /** Seconds until the rate allows one more; 0 for a holding limit. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
