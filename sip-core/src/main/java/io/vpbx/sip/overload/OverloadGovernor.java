package io.vpbx.sip.overload;

import io.vpbx.config.SipOverloadConfig;

/**
 * Decides which new calls the SIP proxy takes while it is overloaded: the share of new INVITEs admitted falls
 * while the event loop is behind and climbs back while it keeps up (additive increase, multiplicative decrease,
 * as congestion control does), so that the proxy serves about what it can carry and refuses the excess at once
 * instead of queueing every call until all of them time out. In-dialog requests, ACKs, CANCELs and responses
 * never come here: calls already up are never shed.
 *
 * <p>Fed one {@link LoadSample} per sampling interval. Overloaded: the loop's lag, the fill of the UDP receive queue
 * or the share of the transaction table in use reached its reject threshold; severely: the lag or the queue reached
 * the drop threshold, and the excess is then dropped unread rather than answered. Leaving is slower than entering
 * (hysteresis): dropping lasts until no reject threshold is reached, and rejecting until the admitted share has
 * climbed back to all, {@link #RECOVERY_SAMPLES} good samples from the lowest share.
 *
 * <p>Which calls are admitted is deterministic: each new call adds the admitted share to a credit, and a call is
 * admitted when the credit reaches one. Pure and not thread-safe: it belongs to the SIP event loop.
 */
public final class OverloadGovernor {
    /** Good samples from the lowest share back to all: ten samples of 100 ms, well within 5 s of the load falling. */
    static final int RECOVERY_SAMPLES = 10;
    /** The share kept while overloaded: a few calls still get through, and their fate shows when the load falls. */
    static final double MIN_SHARE = 0.05;
    /** Each overloaded sample cuts the admitted share by this factor. */
    static final double DECREASE = 0.7;
    private static final double INCREASE = (1.0 - MIN_SHARE) / RECOVERY_SAMPLES;
    /** Shares and credits are sums of fractions: compared with this much room for rounding. */
    private static final double ROUNDING = 1e-9;

    private final boolean enabled;
    private final long lagReject;
    private final long lagDrop;
    private final int queueReject;
    private final int queueDrop;
    private final int transactionsReject;
    private OverloadState state = OverloadState.NORMAL;
    private double share = 1.0;
    private double credit;

    public OverloadGovernor(SipOverloadConfig config) {
        this.enabled = config.enabled();
        this.lagReject = config.lagReject().toNanos();
        this.lagDrop = config.lagDrop().toNanos();
        this.queueReject = config.queueRejectPercent();
        this.queueDrop = config.queueDropPercent();
        this.transactionsReject = config.transactionsRejectPercent();
    }

    /** Takes the measurements of one interval; returns the state from now on. */
    public OverloadState sample(LoadSample load) {
        if (!enabled) {
            return state;
        }
        boolean overloaded = load.lagNanos() >= lagReject || load.queuePercent() >= queueReject
                || load.transactionsPercent() >= transactionsReject;
        boolean severe = load.lagNanos() >= lagDrop || load.queuePercent() >= queueDrop;
        share = overloaded ? Math.max(MIN_SHARE, share * DECREASE) : share + INCREASE;
        if (share >= 1.0 - ROUNDING) {
            share = 1.0;
        }
        if (severe || (state == OverloadState.DROPPING && overloaded)) {
            state = OverloadState.DROPPING;
        } else if (share < 1.0) {
            state = OverloadState.REJECTING;
        } else {
            state = OverloadState.NORMAL;
            credit = 0;
        }
        return state;
    }

    /** Whether one more new call may go on; a refused one is answered 503, or dropped when {@link #dropsEarly()}. */
    public boolean admitNewCall() {
        if (state == OverloadState.NORMAL) {
            return true;
        }
        credit += share;
        if (credit >= 1.0 - ROUNDING) {
            credit -= 1.0;
            return true;
        }
        return false;
    }

    /** Whether refused new calls are dropped before they are parsed rather than answered. */
    public boolean dropsEarly() {
        return state == OverloadState.DROPPING;
    }

    public OverloadState state() {
        return state;
    }

    /** The share of new calls admitted now, 0..1. */
    public double admittedShare() {
        return share;
    }
}
