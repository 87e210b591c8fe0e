package io.vpbx.sip.transaction;

/**
 * The flow a transaction sends on: bound to one destination (chosen by the TU per RFC 3263 for a
 * client transaction, taken from the request's source and Via for a server transaction).
 *
 * <p>{@code send} must not block. A failure, synchronous or reported later by the write future,
 * is delivered to the transaction with {@link Transaction#transportError()} on the same event
 * loop.
 */
public interface Transport<M extends SipMessageView> {

    /** Hands the opaque message to the wire. */
    void send(M message);

    /** True for TCP, TLS, SCTP and WebSocket: no retransmission timers, zero wait timers. */
    boolean reliable();
}
