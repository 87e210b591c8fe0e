package io.vpbx.config;

/**
 * The admin REST API: where it listens and the limits every request is held to.
 *
 * @param host interface to bind
 * @param port TCP port, 0 for any free port
 * @param rateLimitPerSecond sustained requests per API key per second
 * @param rateLimitBurst requests an API key may send at once above the sustained rate
 * @param maxBodyBytes largest accepted request body
 * @param defaultPageSize items per page when the client names none
 * @param maxPageSize largest page a client may ask for, at least {@code defaultPageSize}
 */
public record AdminConfig(String host, int port, int rateLimitPerSecond, int rateLimitBurst, long maxBodyBytes,
        int defaultPageSize, int maxPageSize) {

    public static final long MIN_BODY_BYTES = 1024;

    public AdminConfig {
        Checks.requireText(host, "admin host");
        Checks.requirePort(port, "admin port");
        Checks.requireAtLeast(rateLimitPerSecond, 1, "admin rate limit per second");
        Checks.requireAtLeast(rateLimitBurst, 1, "admin rate limit burst");
        Checks.requireAtLeast(maxBodyBytes, MIN_BODY_BYTES, "admin max body bytes");
        Checks.requireAtLeast(defaultPageSize, 1, "admin default page size");
        Checks.requireAtLeast(maxPageSize, defaultPageSize, "admin max page size");
    }
}
