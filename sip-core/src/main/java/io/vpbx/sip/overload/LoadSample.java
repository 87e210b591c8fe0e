package io.vpbx.sip.overload;

/**
 * What the SIP event loop measured over one sampling interval.
 *
 * @param lagNanos how late the loop ran its sampling timer: time spent on work queued ahead of it
 * @param queuePercent how full the UDP socket's kernel receive queue stayed (0..100): its emptiest moment of the sample
 * @param transactionsPercent share of the transaction table in use (0..100)
 */
public record LoadSample(long lagNanos, int queuePercent, int transactionsPercent) {
}
