/**
 * SIP registrar logic without I/O: digest authentication (RFC 7616, RFC 8760), nonce issue and
 * replay checks, and the binding rules of RFC 3261 section 10.3 over immutable {@link
 * io.vpbx.sip.registrar.Location} snapshots. Netty handlers translate messages to and from these types.
 */
package io.vpbx.sip.registrar;
