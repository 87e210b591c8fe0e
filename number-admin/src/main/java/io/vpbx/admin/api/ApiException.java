package io.vpbx.admin.api;

/** A failure decided at the HTTP edge (bad JSON, missing authentication, rate limit), with its status. */
public final class ApiException extends RuntimeException {
    private final int status;
    private final String field;
    private final long retryAfterSeconds;

    public ApiException(int status, String field, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.field = field;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message, 0);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(401, null, message, 0);
    }

    public static ApiException tooManyRequests(long retryAfterSeconds) {
        return new ApiException(429, null, "rate limit of this API key exceeded; retry after " + retryAfterSeconds + " s",
                retryAfterSeconds);
    }

    public static ApiException tooManyFailedAuthentications(long retryAfterSeconds) {
        return new ApiException(429, null, "too many failed authentications from this address; retry after "
                + retryAfterSeconds + " s", retryAfterSeconds);
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
