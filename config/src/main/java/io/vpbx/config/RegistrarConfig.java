package io.vpbx.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The SIP registrar: binding limits (RFC 3261 section 10.3), digest nonces, and how registrations are
 * written to the database and shared between nodes.
 *
 * @param minExpires       shorter non-zero registrations get 423 Interval Too Brief (1..3600 seconds)
 * @param maxExpires       longer registrations are shortened to this (seconds)
 * @param defaultExpires   used when a REGISTER gives no expiry (seconds)
 * @param maxContacts      most bindings one employee may hold
 * @param nonceLifetime    how long a digest nonce is accepted
 * @param maxNonces        most nonces tracked for replay checks at once
 * @param digestAlgorithms digest algorithms challenged with, most preferred first: SHA-256, MD5 or both
 * @param writeQueue       most binding changes waiting for the database; more are dropped and counted
 * @param syncInterval     how often a node reads the bindings other nodes wrote
 * @param syncLookback     how far before the newest change seen each read starts again, for late commits and clock skew
 * @param removalRetention how long a removed or expired binding's row stays for other nodes to read
 * @param nodeId           this node's name in the rows it writes; empty means a random one per start
 * @param lockout          when repeated digest failures lock a username ({@code registrar.lockout.*})
 */
public record RegistrarConfig(int minExpires, int maxExpires, int defaultExpires, int maxContacts, Duration nonceLifetime,
                              int maxNonces, List<String> digestAlgorithms, int writeQueue, Duration syncInterval, Duration syncLookback,
                              Duration removalRetention, String nodeId, Lockout lockout) {

    /**
     * Digest lockout: {@code sourceFailures} failures of a username from one address within {@code window} lock that
     * pair, {@code usernameFailures} from all addresses lock the username everywhere, each for {@code duration};
     * a count of 0 turns that step off. At most {@code maxTracked} counts are held in memory.
     */
    public record Lockout(int sourceFailures, int usernameFailures, Duration window, Duration duration, int maxTracked) {
        public static final Lockout DEFAULTS = new Lockout(5, 20, Duration.ofMinutes(10), Duration.ofMinutes(15), 100_000);

        public Lockout {
            Checks.requireBetween(sourceFailures, 0, Integer.MAX_VALUE, "registrar.lockout.source-failures");
            Checks.requireBetween(usernameFailures, 0, Integer.MAX_VALUE, "registrar.lockout.username-failures");
            Checks.requirePositive(window, "registrar.lockout.window");
            Checks.requirePositive(duration, "registrar.lockout.duration");
            Checks.requireBetween(maxTracked, 1, Integer.MAX_VALUE, "registrar.lockout.max-tracked");
            if (sourceFailures > 0 && usernameFailures > 0 && usernameFailures <= sourceFailures) {
                throw new IllegalArgumentException("registrar.lockout.username-failures must be above "
                        + "registrar.lockout.source-failures, or one address could lock a username out everywhere");
            }
        }
    }

    /** With the default lockout. */
    public RegistrarConfig(int minExpires, int maxExpires, int defaultExpires, int maxContacts, Duration nonceLifetime,
                           int maxNonces, List<String> digestAlgorithms, int writeQueue, Duration syncInterval, Duration syncLookback,
                           Duration removalRetention, String nodeId) {
        this(minExpires, maxExpires, defaultExpires, maxContacts, nonceLifetime, maxNonces, digestAlgorithms, writeQueue,
                syncInterval, syncLookback, removalRetention, nodeId, Lockout.DEFAULTS);
    }

    public static final int MAX_MIN_EXPIRES = 3600;
    public static final int MAX_NODE_ID_LENGTH = 64;
    /** The algorithm names of RFC 8760 the registrar knows. */
    public static final List<String> DIGEST_ALGORITHMS = List.of("SHA-256", "MD5");
    static final String NODE_ID = "1.." + MAX_NODE_ID_LENGTH + " letters, digits, '.', '_' or '-'";

    public RegistrarConfig {
        Checks.requireBetween(minExpires, 1, MAX_MIN_EXPIRES, "registrar.min-expires");
        Checks.requireBetween(maxExpires, minExpires, Integer.MAX_VALUE, "registrar.max-expires");
        Checks.requireBetween(defaultExpires, minExpires, maxExpires, "registrar.default-expires");
        Checks.requireBetween(maxContacts, 1, Integer.MAX_VALUE, "registrar.max-contacts");
        Checks.requirePositive(nonceLifetime, "registrar.nonce-lifetime");
        Checks.requireBetween(maxNonces, 1, Integer.MAX_VALUE, "registrar.max-nonces");
        digestAlgorithms = List.copyOf(digestAlgorithms);
        if (!isAlgorithmList(digestAlgorithms)) {
            throw new IllegalArgumentException("registrar.digest-algorithms must be " + ALGORITHMS + " but is " + digestAlgorithms);
        }
        Checks.requireBetween(writeQueue, 1, Integer.MAX_VALUE, "registrar.write-queue");
        Checks.requirePositive(syncInterval, "registrar.sync-interval");
        Checks.requirePositive(syncLookback, "registrar.sync-lookback");
        Checks.requirePositive(removalRetention, "registrar.removal-retention");
        if (removalRetention.compareTo(syncInterval.plus(syncLookback)) <= 0) {
            throw new IllegalArgumentException("registrar.removal-retention must be longer than registrar.sync-interval plus "
                    + "registrar.sync-lookback, or other nodes may never read a removal");
        }
        Objects.requireNonNull(nodeId, "registrar.node-id");
        Objects.requireNonNull(lockout, "registrar.lockout");
        if (!nodeId.isEmpty() && !isNodeId(nodeId)) {
            throw new IllegalArgumentException("registrar.node-id must be empty or " + NODE_ID + " but is '" + nodeId + "'");
        }
    }

    static final String ALGORITHMS = "SHA-256, MD5 or both, comma-separated, most preferred first";

    static boolean isAlgorithmList(List<String> names) {
        return !names.isEmpty() && DIGEST_ALGORITHMS.containsAll(names) && names.stream().distinct().count() == names.size();
    }

    static boolean isNodeId(String text) {
        return text.length() <= MAX_NODE_ID_LENGTH && text.matches("[A-Za-z0-9._-]+");
    }
}
