package io.vpbx.sip.transaction;

/** The RFC 3261 section 17 timers (Table 4); C belongs to the proxy, not to a transaction. */
public enum TransactionTimer {
    /** INVITE client: request retransmit, unreliable transports only. */
    A,
    /** INVITE client: transaction timeout, 64*T1. */
    B,
    /** INVITE client: wait for response retransmits in Completed. */
    D,
    /** Non-INVITE client: request retransmit, unreliable transports only. */
    E,
    /** Non-INVITE client: transaction timeout, 64*T1. */
    F,
    /** INVITE server: final response retransmit, unreliable transports only. */
    G,
    /** INVITE server: wait for ACK, 64*T1. */
    H,
    /** INVITE server: wait for ACK retransmits in Confirmed. */
    I,
    /** Non-INVITE server: wait for request retransmits in Completed. */
    J,
    /** Non-INVITE client: wait for response retransmits in Completed. */
    K
}
