package io.vpbx.sip.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.sip.transaction.FakeScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ring steps in order on a fake scheduler: step timers, failover, busy, answers and cancels. */
class RingSequenceTest {

    /** A step: its legs by name, its ring time, whether busy moves on. */
    record Step(List<String> legs, int ringSeconds, boolean failoverOnBusy) {
    }

    static final class Leg implements RingSequence.Branch {
        final String name;
        boolean done;

        Leg(String name) {
            this.name = name;
        }

        @Override
        public boolean pending() {
            return !done;
        }
    }

    /** Records what the sequence asks; a leg named "fail:x" fails as soon as it is rung. */
    final class Recorder implements RingSequence.Ringer<Step, Leg> {
        final List<String> events = new ArrayList<>();
        final List<Leg> legs = new ArrayList<>();
        /** The sequence the branches go to. */
        RingSequence<Step, Leg> into;

        @Override
        public void ring(Step step) {
            events.add("ring " + step.legs());
            for (String name : step.legs()) {
                Leg leg = new Leg(name);
                legs.add(leg);
                into.add(leg);
                if (name.startsWith("fail:")) {
                    leg.done = true;
                    into.branchEnded();
                }
            }
        }

        @Override
        public int ringSeconds(Step step) {
            return step.ringSeconds();
        }

        @Override
        public boolean failoverOnBusy(Step step) {
            return step.failoverOnBusy();
        }

        @Override
        public void cancel(Leg branch, String outcome) {
            branch.done = true;
            events.add("cancel " + branch.name + " " + outcome);
        }

        @Override
        public void noneAnswered() {
            events.add("none answered");
        }

        Leg leg(String name) {
            return legs.stream().filter(l -> l.name.equals(name)).reduce((a, b) -> b).orElseThrow();
        }
    }

    private final FakeScheduler scheduler = new FakeScheduler();
    private final Recorder ringer = new Recorder();
    private final RingSequence<Step, Leg> sequence = new RingSequence<>(ringer, scheduler);
    private RingSequence<Step, Leg> expandingSequence;

    RingSequenceTest() {
        ringer.into = sequence;
    }

    private void start(Step... steps) {
        sequence.plan(List.of(steps));
        sequence.start();
    }

    private void reject(String name, int code) {
        ringer.leg(name).done = true;
        sequence.rejected(code);
    }

    @Test
    void aStepRingsItsLegsTogetherUntilItsTimeRunsOutThenTheNextRings() {
        start(new Step(List.of("a", "b"), 10, true), new Step(List.of("c"), 5, true));

        assertEquals(List.of("ring [a, b]"), ringer.events);
        scheduler.advance(Duration.ofSeconds(9));
        assertEquals(1, ringer.events.size());
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("ring [a, b]", "cancel a no_answer", "cancel b no_answer", "ring [c]"), ringer.events);
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals("none answered", ringer.events.getLast());
        assertTrue(sequence.sawNoAnswer());
        assertFalse(sequence.ringing());
        assertEquals(0, scheduler.pending());
    }

    @Test
    void theNextStepRingsAsSoonAsEveryBranchOfTheStepFailed() {
        start(new Step(List.of("a", "b"), 10, true), new Step(List.of("c"), 5, true));

        reject("a", 503);
        assertEquals(1, ringer.events.size(), "b still rings");
        reject("b", 404);
        assertEquals(List.of("ring [a, b]", "ring [c]"), ringer.events);
        assertFalse(sequence.sawNoAnswer());
        assertEquals(1, scheduler.pending(), "only the new step's timer");
    }

    @Test
    void legsThatFailWhileTheStepStartsDoNotSkipAhead() {
        start(new Step(List.of("fail:a", "b"), 10, true), new Step(List.of("c"), 5, true));

        assertEquals(List.of("ring [fail:a, b]"), ringer.events);
        assertTrue(sequence.inCurrentStep(ringer.leg("b")));
    }

    @Test
    void aStepWhoseLegsAllFailAtOnceIsPassedWithoutATimer() {
        start(new Step(List.of("fail:a"), 10, true), new Step(List.of("fail:b"), 10, true));

        assertEquals(List.of("ring [fail:a]", "ring [fail:b]", "none answered"), ringer.events);
        assertEquals(0, scheduler.pending());
    }

    @Test
    void busyEndsForwardingUnlessTheStepFailsOverOnBusy() {
        start(new Step(List.of("a"), 10, false), new Step(List.of("b"), 10, true));
        reject("a", 486);
        assertEquals(List.of("ring [a]", "none answered"), ringer.events);
        assertTrue(sequence.sawBusy());
    }

    @Test
    void busyMovesOnWhenTheStepFailsOverOnBusy() {
        start(new Step(List.of("a"), 10, true), new Step(List.of("b"), 10, true));
        reject("a", 603);
        assertEquals(List.of("ring [a]", "ring [b]"), ringer.events);
        assertTrue(sequence.sawBusy());
    }

    @Test
    void anAnswerCancelsEveryOtherPendingBranchAndTheTimer() {
        start(new Step(List.of("a", "b", "c"), 10, true), new Step(List.of("d"), 10, true));
        reject("c", 480);
        Leg a = ringer.leg("a");
        a.done = true;
        sequence.answeredBy(a);

        assertEquals(List.of("ring [a, b, c]", "cancel b cancelled"), ringer.events);
        assertFalse(sequence.ringing());
        assertEquals(0, scheduler.pending());
        scheduler.advance(Duration.ofSeconds(60));
        assertEquals(2, ringer.events.size());
    }

    @Test
    void cancelAllGivesUpTheBranchesOfEveryStepStillPending() {
        start(new Step(List.of("a"), 10, true), new Step(List.of("b"), 10, true));
        scheduler.advance(Duration.ofSeconds(10));
        sequence.cancelAll(RingSequence.CANCELLED);

        assertEquals(List.of("ring [a]", "cancel a no_answer", "ring [b]", "cancel b cancelled"), ringer.events);
        assertEquals(0, scheduler.pending());
    }

    @Test
    void stepsInsertedWhileRingingComeNextAndThePlanIsNotModified() {
        List<Step> plan = List.of(new Step(List.of("expand"), 10, true), new Step(List.of("z"), 10, true));
        RingSequence.Ringer<Step, Leg> expanding = new RingSequence.Ringer<>() {
            @Override
            public void ring(Step step) {
                if (step.legs().equals(List.of("expand"))) {
                    ringer.events.add("expand");
                    expandingSequence.insertNext(List.of(new Step(List.of("x"), 3, true)));
                    return;
                }
                ringer.ring(step);
            }

            @Override
            public int ringSeconds(Step step) {
                return step.ringSeconds();
            }

            @Override
            public boolean failoverOnBusy(Step step) {
                return true;
            }

            @Override
            public void cancel(Leg branch, String outcome) {
                ringer.cancel(branch, outcome);
            }

            @Override
            public void noneAnswered() {
                ringer.noneAnswered();
            }
        };
        expandingSequence = new RingSequence<>(expanding, scheduler);
        ringer.into = expandingSequence;
        expandingSequence.plan(plan);
        expandingSequence.start();

        assertEquals(2, plan.size());
        assertEquals(List.of("expand", "ring [x]"), ringer.events);
        assertEquals(3 + 10, expandingSequence.secondsLeft());
    }

    @Test
    void secondsLeftCountTheStepRingingNowAndTheRestAtLeastOneSecondEach() {
        sequence.plan(List.of(new Step(List.of("a"), 10, true), new Step(List.of("b"), 0, true),
                new Step(List.of("c"), 5, true)));
        assertEquals(16, sequence.secondsLeft());
        sequence.start();
        reject("a", 480);
        assertEquals(6, sequence.secondsLeft());
    }

    @Test
    void outcomesOfFinalStatuses() {
        assertEquals("busy", RingSequence.outcomeOf(600));
        assertEquals("no_answer", RingSequence.outcomeOf(408));
        assertEquals("cancelled", RingSequence.outcomeOf(487));
        assertEquals("rejected", RingSequence.outcomeOf(404));
    }
}
