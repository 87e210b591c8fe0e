package io.vpbx.sip.registrar;

/** Verdict of {@link NonceService#check}. */
public enum NonceStatus {
    /** Issued by this server, within its lifetime, and the nonce count moved forward. */
    VALID,
    /** Genuine but expired or no longer tracked: challenge again with stale=true (RFC 7616 section 3.3). */
    STALE,
    /** Not issued by this server: forged, garbled or signed with another secret. */
    INVALID,
    /** Genuine, but the nonce count did not grow: a replayed request. */
    REPLAY
}
