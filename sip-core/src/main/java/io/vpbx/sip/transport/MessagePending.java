package io.vpbx.sip.transport;

/** User event of a SIP stream: part of a message is buffered, waiting for the rest. */
enum MessagePending {
    INSTANCE
}
