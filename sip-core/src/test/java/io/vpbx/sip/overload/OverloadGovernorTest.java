package io.vpbx.sip.overload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.config.SipOverloadConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OverloadGovernorTest {
    private static final long MS = 1_000_000L;
    private static final LoadSample CALM = new LoadSample(0, 0, 10);
    /** The receive queue never drained below 20% (reject threshold 10%). */
    private static final LoadSample BEHIND = new LoadSample(0, 20, 10);
    /** Nor below 60% (drop threshold 50%). */
    private static final LoadSample SWAMPED = new LoadSample(0, 60, 10);

    private final OverloadGovernor governor = new OverloadGovernor(SipOverloadConfig.defaults());

    @Test
    void withinCapacityEveryNewCallIsAdmitted() {
        governor.sample(CALM);

        assertEquals(OverloadState.NORMAL, governor.state());
        assertEquals(100, admitted(100));
    }

    @Test
    void behindTheSharedAdmittedFallsWithEverySampleAndTheRestIsRejected() {
        assertEquals(OverloadState.REJECTING, governor.sample(BEHIND));
        assertEquals(70, admitted(100));
        assertFalse(governor.dropsEarly(), "rejected with 503, not dropped");

        governor.sample(BEHIND);
        governor.sample(BEHIND);

        assertEquals(34, admitted(100), "0.7^3 of the calls");
    }

    @Test
    void eachThresholdAloneMeansOverload() {
        assertEquals(OverloadState.REJECTING, new OverloadGovernor(SipOverloadConfig.defaults())
                .sample(new LoadSample(50 * MS, 0, 0)));
        assertEquals(OverloadState.REJECTING, new OverloadGovernor(SipOverloadConfig.defaults())
                .sample(new LoadSample(0, 10, 0)));
        assertEquals(OverloadState.REJECTING, new OverloadGovernor(SipOverloadConfig.defaults())
                .sample(new LoadSample(0, 0, 80)));
        assertEquals(OverloadState.NORMAL, new OverloadGovernor(SipOverloadConfig.defaults())
                .sample(new LoadSample(49 * MS, 9, 79)));
    }

    @Test
    void farBehindTheExcessIsDroppedAndDroppingLastsUntilNoRejectThresholdIsReached() {
        assertEquals(OverloadState.DROPPING, governor.sample(SWAMPED));
        assertTrue(governor.dropsEarly());
        assertEquals(OverloadState.DROPPING, governor.sample(new LoadSample(600 * MS, 0, 0)), "lag alone is severe too");

        assertEquals(OverloadState.DROPPING, governor.sample(BEHIND), "hysteresis: still above the reject threshold");
        assertEquals(OverloadState.REJECTING, governor.sample(CALM));
    }

    @Test
    void aSustainedOverloadKeepsAFewCallsGoing() {
        for (int i = 0; i < 50; i++) {
            governor.sample(SWAMPED);
        }
        assertEquals(OverloadGovernor.MIN_SHARE, governor.admittedShare());
        assertEquals(5, admitted(100));
    }

    @Test
    void whenTheLoadFallsItRecoversAloneWithinTenSamples() {
        for (int i = 0; i < 50; i++) {
            governor.sample(SWAMPED);
        }
        for (int i = 0; i < OverloadGovernor.RECOVERY_SAMPLES - 1; i++) {
            assertTrue(governor.sample(CALM) != OverloadState.NORMAL, "sample " + i);
        }
        assertEquals(OverloadState.NORMAL, governor.sample(CALM));
        assertEquals(100, admitted(100));
    }

    @Test
    void switchedOffItAdmitsEverything() {
        SipOverloadConfig d = SipOverloadConfig.defaults();
        OverloadGovernor off = new OverloadGovernor(new SipOverloadConfig(d.trunkRate(), d.trunkBurst(), false,
                d.lagReject(), d.lagDrop(), d.queueRejectPercent(), d.queueDropPercent(),
                d.transactionsRejectPercent(), Duration.ofSeconds(2)));

        off.sample(SWAMPED);

        assertEquals(OverloadState.NORMAL, off.state());
        assertTrue(off.admitNewCall());
    }

    private int admitted(int calls) {
        int admitted = 0;
        for (int i = 0; i < calls; i++) {
            if (governor.admitNewCall()) {
                admitted++;
            }
        }
        return admitted;
    }
}
