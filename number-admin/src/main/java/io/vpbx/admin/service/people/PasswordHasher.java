package io.vpbx.admin.service.people;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (RFC 9106) from Bouncy Castle, written as PHC strings
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}) so that a hash keeps the parameters it was made with and the
 * parameters can grow later without breaking old hashes. The defaults are OWASP's first recommendation: 19 MiB,
 * 2 passes, 1 lane (ADR 0030). At most {@value #MAX_CONCURRENT} hashes run at once, whatever the number of sign-ins
 * waiting: requests run on virtual threads, and without a bound a burst of sign-ins would take 19 MiB each.
 */
public final class PasswordHasher {
    public static final int MEMORY_KIB = 19 * 1024;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    /** Hashes computed at once: 4 x 19 MiB of memory and at most 4 cores busy hashing. */
    public static final int MAX_CONCURRENT = 4;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final SecureRandom random;
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT, true);
    private final int memoryKib;
    private final int iterations;
    /** Checked against when no user has the e-mail, so that a wrong e-mail takes as long as a wrong password. */
    private final String decoy;

    public PasswordHasher(SecureRandom random) {
        this(random, MEMORY_KIB, ITERATIONS);
    }

    PasswordHasher(SecureRandom random, int memoryKib, int iterations) {
        this.random = random;
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.decoy = hash("decoy password that no one has");
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, memoryKib, iterations, PARALLELISM, HASH_BYTES);
        return "$argon2id$v=19$m=" + memoryKib + ",t=" + iterations + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt)
                + "$" + B64.encodeToString(hash);
    }

    /** Whether {@code password} is the one {@code encoded} was made from; false for anything not an Argon2id PHC string. */
    public boolean matches(String password, String encoded) {
        if (password == null || encoded == null) {
            return false;
        }
        String[] parts = encoded.split("\\$");
        if (parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")) {
            return false;
        }
        try {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String param : parts[3].split(",")) {
                int value = Integer.parseInt(param.substring(2));
                switch (param.substring(0, 2)) {
                    case "m=" -> m = value;
                    case "t=" -> t = value;
                    case "p=" -> p = value;
                    default -> {
                        return false;
                    }
                }
            }
            byte[] salt = B64_DECODER.decode(parts[4]);
            byte[] expected = B64_DECODER.decode(parts[5]);
            if (m < 8 || t < 1 || p < 1 || m > 1 << 21 || t > 100 || p > 16 || expected.length < 16) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(password, salt, m, t, p, expected.length));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Spends the time of one check against nobody's hash (an unknown e-mail), and answers false. */
    public boolean matchesNobody(String password) {
        matches(password == null ? "" : password, decoy);
        return false;
    }

    private byte[] derive(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        slots.acquireUninterruptibly();
        try {
            return argon2id(password, salt, memoryKib, iterations, parallelism, length);
        } finally {
            slots.release();
        }
    }

    private static byte[] argon2id(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
