/**
 * The RFC 3261 section 17 transaction layer: four state machines and the table that matches
 * messages to them.
 *
 * <p>Decisions:
 * <ul>
 *   <li>No parsing. Messages are an opaque type {@code M} seen through {@link
 *       io.vpbx.sip.transaction.SipMessageView}; the ACK for a non-2xx and the 100 (Trying) are
 *       built by {@link io.vpbx.sip.transaction.AckFactory} and {@link
 *       io.vpbx.sip.transaction.TryingFactory}, so a byte-splicing proxy can use the layer.</li>
 *   <li>Time is injected through {@link io.vpbx.sip.transaction.TimerScheduler}; values come
 *       from {@link io.vpbx.sip.transaction.TransactionTimers}.</li>
 *   <li>The INVITE server transaction sends 100 (Trying) immediately, as a proxy does.</li>
 *   <li>RFC 3261 exactly, not RFC 6026: a 2xx terminates both INVITE transactions; 2xx
 *       retransmissions and their ACKs are the core's job.</li>
 *   <li>Wait timers that are zero on reliable transports (D, I, J, K) fire synchronously: the
 *       transaction is terminated when the call that completed it returns.</li>
 *   <li>Each transaction reports to its {@link io.vpbx.sip.transaction.TransactionOwner} (the call, relay or
 *       registration it works for), set by the TU; the {@link io.vpbx.sip.transaction.TransactionUser} only
 *       receives new requests. Nobody dispatches on the owner's class.</li>
 *   <li>Each table, its transactions and its scheduler are confined to one Netty event loop.</li>
 * </ul>
 */
package io.vpbx.sip.transaction;
