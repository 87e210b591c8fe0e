package io.vpbx.server.kamailio;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the foreign operator's Kamailio is started with: the -A defines of {@code kamailio/operator.cfg}.
 *
 * @param realm the digest realm of its 401 and 407 challenges
 * @param user the customer's (vpbx's) SIP login, also the AOR it registers and the number calls come in for
 * @param password the customer's password
 * @param pstnPort where outbound calls go: a PSTN gateway (a SIPp UAS in tests) on 127.0.0.1
 * @param algorithm the digest algorithm it challenges with
 * @param qop whether challenges carry qop="auth" (as most operators' do) or no qop (RFC 2069 style)
 * @param maxExpires the longest registration it grants, in seconds
 */
public record OperatorConfig(String realm, String user, String password, int pstnPort, DigestAlgorithm algorithm, boolean qop,
        int maxExpires) {

    public OperatorConfig {
        requireToken(realm, "realm");
        requireToken(user, "user");
        requireToken(password, "password");
        Objects.requireNonNull(algorithm, "algorithm");
        if (pstnPort < 1 || pstnPort > 65535) {
            throw new IllegalArgumentException("pstnPort " + pstnPort);
        }
        if (maxExpires < 1) {
            throw new IllegalArgumentException("maxExpires " + maxExpires);
        }
    }

    /** Realm operator.test, user trunk, password secret, MD5 with qop=auth, registrations up to an hour. */
    public static OperatorConfig defaults(int pstnPort) {
        return new OperatorConfig("operator.test", "trunk", "secret", pstnPort, DigestAlgorithm.MD5, true, 3600);
    }

    public OperatorConfig withRealm(String value) {
        return new OperatorConfig(value, user, password, pstnPort, algorithm, qop, maxExpires);
    }

    public OperatorConfig withCredentials(String newUser, String newPassword) {
        return new OperatorConfig(realm, newUser, newPassword, pstnPort, algorithm, qop, maxExpires);
    }

    public OperatorConfig withAlgorithm(DigestAlgorithm value) {
        return new OperatorConfig(realm, user, password, pstnPort, value, qop, maxExpires);
    }

    public OperatorConfig withQop(boolean value) {
        return new OperatorConfig(realm, user, password, pstnPort, algorithm, value, maxExpires);
    }

    public OperatorConfig withMaxExpires(int seconds) {
        return new OperatorConfig(realm, user, password, pstnPort, algorithm, qop, seconds);
    }

    /** The {@code -A} arguments for kamailio listening on {@code port} (UDP and TCP). */
    List<String> defines(int port) {
        List<String> arguments = new ArrayList<>();
        define(arguments, "PORT", Integer.toString(port));
        define(arguments, "REALM", quoted(realm));
        define(arguments, "TP_USER", quoted(user));
        define(arguments, "TP_PASSWORD", quoted(password));
        define(arguments, "PSTN", quoted("127.0.0.1:" + pstnPort));
        define(arguments, "ALGORITHM", quoted(algorithm.sipName()));
        define(arguments, "CHALLENGE_FLAGS", quoted(qop ? "1" : "0"));
        define(arguments, "MAX_EXPIRES", Integer.toString(maxExpires));
        return arguments;
    }

    private static void define(List<String> arguments, String name, String value) {
        arguments.add("-A");
        arguments.add(name + "=" + value);
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }

    /** The values end up inside quoted strings of the Kamailio config: keep them to plain tokens. */
    private static void requireToken(String value, String name) {
        Objects.requireNonNull(value, name);
        if (!value.matches("[A-Za-z0-9+._\\-]+")) {
            throw new IllegalArgumentException(name + " must be letters, digits, '+', '.', '_' or '-': " + value);
        }
    }
}
