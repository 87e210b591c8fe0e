package io.vpbx.sip.uplink;

/**
 * A REGISTER to send now: its CSeq, the Expires asked for (0 unregisters), and the digest answer, if any
 * ({@code authorizationHeader} null for none).
 */
public record RegisterRequest(long cseq, int expires, String authorizationHeader, String authorizationValue) {
}
