package io.vpbx.sip.uplink;

import io.vpbx.telephony.grammar.SipGrammar;
import java.util.Locale;
import java.util.Objects;

/**
 * A number a business holds at another operator, and how vpbx registers it there: the operator's
 * registrar ({@code server}:{@code port} over {@code transport}) and the digest login and password the
 * operator gave. The password is in clear here, in memory only, because digest needs it.
 *
 * @param e164 the number, e.g. {@code +74951234567}
 * @param accountId the business that connected it
 * @param expiresSeconds the registration interval asked for
 * @param enabled false: keep no registration (and unregister a live one)
 */
public record UplinkAccount(String e164, String accountId, String login, String password, String server, int port,
                            String transport, int expiresSeconds, boolean enabled) {

    public UplinkAccount {
        Objects.requireNonNull(e164, "e164");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(server, "server");
        transport = Objects.requireNonNull(transport, "transport").toLowerCase(Locale.ROOT);
        if (!transport.equals("udp") && !transport.equals("tcp")) {
            throw new IllegalArgumentException("transport must be udp or tcp: " + transport);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (expiresSeconds < 1) {
            throw new IllegalArgumentException("expires must be positive: " + expiresSeconds);
        }
    }

    /**
     * The user part of the Contact we register: stable across restarts (so a restart replaces the binding
     * instead of adding a second one) and distinct per number.
     */
    public String contactUser() {
        return "tp" + e164.replace("+", "");
    }

    /** The registrar's URI, the Request-URI of our REGISTERs. */
    public String registrarUri() {
        return "sip:" + hostPart() + ":" + port + (transport.equals("tcp") ? ";transport=tcp" : "");
    }

    /**
     * The address of record at the operator, in From and To of our REGISTERs; the login %-escaped where the user
     * rule needs it, so that no login can close the URI and name another host.
     */
    public String addressOfRecord() {
        return "sip:" + SipGrammar.escapeUser(login) + "@" + hostPart();
    }

    /** A number called out through the operator: {@code sip:+79001234567@server:port;transport=..}. */
    public String uriFor(String dialed) {
        return "sip:" + dialed + "@" + hostPart() + ":" + port + (transport.equals("tcp") ? ";transport=tcp" : "");
    }

    /** Whether the registrar is the same place with the same login (a change of anything else is a refresh). */
    public boolean sameRegistration(UplinkAccount other) {
        return login.equals(other.login) && server.equalsIgnoreCase(other.server) && port == other.port
                && transport.equals(other.transport);
    }

    private String hostPart() {
        return server.indexOf(':') >= 0 && !server.startsWith("[") ? "[" + server + "]" : server;
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "UplinkAccount[" + e164 + " " + login + "@" + server + ":" + port + "/" + transport
                + " expires=" + expiresSeconds + (enabled ? "" : " disabled") + "]";
    }
}
