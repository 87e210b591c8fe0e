package io.vpbx.sip.uas;

import io.vpbx.sip.proxy.Network;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.transaction.TransactionTimers;
import io.vpbx.sip.wire.WireMessage;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * What every answering leg works with, built once by {@link LocalAnswering}: the proxy's network and transaction
 * table (its requests go out as the proxy's do), branch ids, timers and time, the SIP event loop as an executor
 * for media completions, the media side, how a scenario forwards (the proxy's bridge), the table of local dialogs and
 * the meters.
 */
record UasContext(Network network, TransactionTable<WireMessage> transactions, Supplier<String> branches,
                  TimerScheduler scheduler, TransactionTimers timers, Clock clock, Executor loop, AnswerServices services,
                  ScenarioForwarding forwarding, LocalDialogs<AnsweringLeg> dialogs, AnsweringMetrics metrics) {
}
