package io.vpbx.sip.transaction;

/**
 * Builds the 100 (Trying) the INVITE server transaction sends on creation (RFC 3261 sections
 * 8.2.6.1 and 17.2.1): Via, From, To, Call-ID, CSeq and Timestamp copied from the INVITE, no To tag.
 */
@FunctionalInterface
public interface TryingFactory<M extends SipMessageView> {

    M tryingFor(M invite);
}
