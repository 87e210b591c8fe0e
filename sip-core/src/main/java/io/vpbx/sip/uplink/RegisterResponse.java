package io.vpbx.sip.uplink;

import java.util.List;

/**
 * What a registrar's answer to our REGISTER says, read once at the edge.
 *
 * @param challenges the digest challenges of a 401 or 407
 * @param retryAfterSeconds Retry-After, or -1
 * @param minExpires Min-Expires of a 423, or -1
 * @param grantedExpires how long the registrar keeps OUR contact (its expires parameter, else the Expires
 *                       header), or -1 when a 2xx does not list our contact at all
 */
public record RegisterResponse(int code, String reason, List<DigestChallenge> challenges, int retryAfterSeconds,
                               int minExpires, int grantedExpires) {

    public RegisterResponse {
        reason = reason == null ? "" : reason;
        challenges = List.copyOf(challenges);
    }

    public static RegisterResponse of(int code, String reason) {
        return new RegisterResponse(code, reason, List.of(), -1, -1, -1);
    }
}
