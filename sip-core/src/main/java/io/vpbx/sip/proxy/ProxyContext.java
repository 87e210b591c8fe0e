package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.RingMemory;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.uas.LocalAnswering;
import io.vpbx.sip.uplink.UplinkDirectory;
import io.vpbx.sip.wire.WireMessage;
import java.time.Clock;

/**
 * What the steps of the script, the sessions that fork calls and the relays work with, built once by
 * {@link ProxyCore}: the network and the transaction layer, branch ids and time, the routing data, and the proxy's
 * own answers, hops, call bookkeeping and hang-ups. Like all of the proxy, confined to the SIP event loop.
 *
 * @param ringMemory who answered last in each department, for memory hunt
 * @param uplinks the third-party lines: calls in from their operators, calls out through them
 * @param answering answers itself a call whose every ring step failed and whose fallback is a voice message or voicemail
 */
record ProxyContext(Network network, TransactionTable<WireMessage> transactions, BranchIds branches, Clock clock,
                    TimerScheduler scheduler, Router router, RoutingTable routing, RingMemory ringMemory,
                    UplinkDirectory uplinks, LocalAnswering answering, Hops hops, Answers answers, Calls calls,
                    DialogTeardown teardown) {
}
