package io.vpbx.sip.transaction;

/** The states of the four RFC 3261 section 17 machines; each machine uses a subset. */
public enum TransactionState {
    /** INVITE client: request sent, no response yet. */
    CALLING,
    /** Non-INVITE client and server: request sent or received, no response yet. */
    TRYING,
    /** A provisional response has been received or sent. */
    PROCEEDING,
    /** A final response has been received or sent; absorbing retransmissions. */
    COMPLETED,
    /** INVITE server: ACK received for a 300-699 final response. */
    CONFIRMED,
    /** Done; the transaction has left its table. */
    TERMINATED
}
