package io.vpbx.admin.domain.thirdparty;

/**
 * What the SIP side needs to register a third-party number and to place calls through it: where to
 * register, as whom, with which password (opened from its sealed form), for how long, and whether at all.
 * {@code transport} is "udp" or "tcp". {@link #toString()} hides the password: lines end up in logs.
 */
public record ThirdPartyLine(String e164, String accountId, String login, String password, String server, int port,
                             String transport, int expiresSeconds, boolean enabled) {

    @Override
    public String toString() {
        return "ThirdPartyLine[e164=" + e164 + ", accountId=" + accountId + ", login=" + login + ", password=hidden, server="
                + server + ", port=" + port + ", transport=" + transport + ", expiresSeconds=" + expiresSeconds
                + ", enabled=" + enabled + "]";
    }
}
