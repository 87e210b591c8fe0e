package io.vpbx.sip.overload;

/**
 * What the SIP event loop measured over one sampling interval.
 *
 * @param lagNanos how late the loop ran its sampling timer: time spent on work queued ahead of it
 * @param fullReadsPercent share of UDP read bursts that stopped at the most one burst reads, leaving datagrams in
 *                         the socket's queue (0..100; 0 when there were no reads)
 * @param transactionsPercent share of the transaction table in use (0..100)
 */
public record LoadSample(long lagNanos, int fullReadsPercent, int transactionsPercent) {
}
