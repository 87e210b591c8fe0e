package io.vpbx.sip.transaction;

/** {@link TransactionOwner#none()}: hears everything and does nothing, for any message type. */
final class NoOwner implements TransactionOwner<SipMessageView> {
    static final NoOwner INSTANCE = new NoOwner();

    private NoOwner() {
    }
}
