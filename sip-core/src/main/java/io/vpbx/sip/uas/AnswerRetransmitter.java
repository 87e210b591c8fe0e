package io.vpbx.sip.uas;

import io.vpbx.sip.proxy.Flow;
import io.vpbx.sip.transaction.Cancellable;
import io.vpbx.sip.transaction.TimerScheduler;
import io.vpbx.sip.transaction.TransactionTimers;
import io.vpbx.sip.wire.WireMessage;
import java.time.Duration;

/**
 * A 2xx of ours to an INVITE until its ACK (RFC 3261 section 13.3.1.4): the INVITE server transaction ended when
 * the 2xx went out, so the UAS core itself sends it again after T1, then at intervals doubling up to T2, and gives
 * up after 64*T1 (the caller never confirmed: the leg hangs up).
 */
final class AnswerRetransmitter {
    private final TimerScheduler scheduler;
    private final TransactionTimers timers;
    private final Flow flow;
    private final WireMessage answer;
    private final long cseq;
    private final Runnable gaveUp;
    private Duration interval;
    private Cancellable timer;
    private Cancellable deadline;

    AnswerRetransmitter(TimerScheduler scheduler, TransactionTimers timers, Flow flow, WireMessage answer, long cseq,
                        Runnable gaveUp) {
        this.scheduler = scheduler;
        this.timers = timers;
        this.flow = flow;
        this.answer = answer;
        this.cseq = cseq;
        this.gaveUp = gaveUp;
    }

    /** The 2xx was sent once: the first retransmission waits T1. */
    void start() {
        interval = timers.t1();
        timer = scheduler.schedule(interval, this::due);
        deadline = scheduler.schedule(timers.sixtyFourT1(), this::expired);
    }

    /** The CSeq number of the INVITE it answers, which its ACK carries. */
    long cseq() {
        return cseq;
    }

    WireMessage answer() {
        return answer;
    }

    /** The ACK came: no more retransmissions. */
    void stop() {
        timer.cancel();
        deadline.cancel();
    }

    private void expired() {
        timer.cancel();
        gaveUp.run();
    }

    private void due() {
        flow.send(answer);
        interval = timers.doubledUpToT2(interval);
        timer = scheduler.schedule(interval, this::due);
    }
}
