package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.Cancellable;
import io.vpbx.sip.transaction.TimerScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The ring steps of one call, in order (RFC 3261 section 16.7, forking done step by step): a step rings its legs at
 * once for its ring time; it is over when none of its branches is pending any more, or when its time runs out (the
 * branches still ringing are then given up as not answered), and the next step starts. When no step is left, or a
 * busy answer ends forwarding, the owner hears that nobody answered. When a branch answers or the call ends otherwise,
 * {@link #answeredBy} and {@link #cancelAll} stop the steps and give up the other branches.
 * <p>
 * Shared by the proxy's forking ({@link InviteSession}) and the bridge of scenario forwards ({@code uas/BridgedCall});
 * each says through its {@link Ringer} how a step's legs are rung and how a branch is given up. The list of a step's
 * branches is reused from step to step, and the steps are copied only when a step is replaced by others
 * ({@link #insertNext}). Confined to the SIP event loop.
 *
 * @param <S> a ring step
 * @param <B> a branch: one leg being rung
 */
public final class RingSequence<S, B extends RingSequence.Branch> {
    /** Outcome of a branch given up because its step's time ran out. */
    public static final String NO_ANSWER = "no_answer";
    /** Outcome of a branch given up because another answered or the call ended. */
    public static final String CANCELLED = "cancelled";

    /** One leg being rung: pending until it has a final answer or is given up. */
    public interface Branch {
        boolean pending();
    }

    /** What differs between the proxy and the bridge: how a step's legs ring, and how a branch is given up. */
    public interface Ringer<S, B> {
        /** Rings every leg of {@code step}, handing each branch it starts to {@link RingSequence#add}. */
        void ring(S step);

        int ringSeconds(S step);

        /** Whether a busy answer in {@code step} moves on to the next step rather than ending forwarding. */
        boolean failoverOnBusy(S step);

        /** Gives up a pending branch ({@code outcome}: {@link #CANCELLED} or {@link #NO_ANSWER}); it is no longer pending. */
        void cancel(B branch, String outcome);

        /** A branch still ringing when its step's time ran out. */
        default void timedOut(B branch) {
            cancel(branch, NO_ANSWER);
        }

        /** No step left, or forwarding stopped after a busy answer: nobody answered. The sequence has stopped. */
        void noneAnswered();
    }

    private final Ringer<S, B> ringer;
    private final TimerScheduler scheduler;
    private final List<B> all = new ArrayList<>(4);
    private final List<B> current = new ArrayList<>(4);
    private List<S> steps = List.of();
    private boolean stepsCopied;
    private S currentStep;
    private int nextStep;
    private Cancellable stepTimer;
    private boolean ringing;
    private boolean starting;
    private boolean stopForwarding;
    private boolean sawBusy;
    private boolean sawNoAnswer;

    public RingSequence(Ringer<S, B> ringer, TimerScheduler scheduler) {
        this.ringer = ringer;
        this.scheduler = scheduler;
    }

    /** The steps to ring ({@code ringSteps} is not modified), before {@link #start}. */
    public void plan(List<S> ringSteps) {
        this.steps = ringSteps;
        this.stepsCopied = false;
    }

    /** Rings the first step planned. */
    public void start() {
        this.ringing = true;
        next();
    }

    /** A branch of the step being rung. */
    public void add(B branch) {
        current.add(branch);
        all.add(branch);
    }

    /** {@code replacement} is rung after the step being rung now, before the steps that were next. */
    public void insertNext(List<S> replacement) {
        if (!stepsCopied) {
            steps = new ArrayList<>(steps);
            stepsCopied = true;
        }
        steps.addAll(nextStep, replacement);
    }

    /** A branch got a final answer that is not an answer, or failed: when none is pending, the next step rings. */
    public void branchEnded() {
        if (!starting && ringing && !anyPending()) {
            next();
        }
    }

    /** A branch was refused with {@code code}: a busy answer ends forwarding unless the step fails over on busy. */
    public void rejected(int code) {
        if (isBusy(code)) {
            sawBusy = true;
            stopForwarding |= !ringer.failoverOnBusy(currentStep);
        }
        branchEnded();
    }

    /** {@code winner} answered: the steps stop and every other pending branch is given up. */
    public void answeredBy(B winner) {
        stop();
        for (int i = 0; i < all.size(); i++) {
            B branch = all.get(i);
            if (branch != winner && branch.pending()) {
                ringer.cancel(branch, CANCELLED);
            }
        }
    }

    /** The call ends while ringing: the steps stop and every pending branch is given up with {@code outcome}. */
    public void cancelAll(String outcome) {
        stop();
        for (int i = 0; i < all.size(); i++) {
            B branch = all.get(i);
            if (branch.pending()) {
                ringer.cancel(branch, outcome);
            }
        }
    }

    /** No more steps ring and the step timer is cancelled; pending branches are left as they are. */
    public void stop() {
        ringing = false;
        cancelStepTimer();
    }

    public boolean ringing() {
        return ringing;
    }

    /** Whether {@code branch} belongs to the step ringing now. */
    public boolean inCurrentStep(B branch) {
        return current.contains(branch);
    }

    /** Every branch started so far, in order. */
    public List<B> branches() {
        return Collections.unmodifiableList(all);
    }

    public boolean sawBusy() {
        return sawBusy;
    }

    /** Whether a step's time ran out with a branch still ringing. */
    public boolean sawNoAnswer() {
        return sawNoAnswer;
    }

    /** The ring time of the step ringing now (or the first, before the start) and of those after it, at least 1 s each. */
    public long secondsLeft() {
        long seconds = 0;
        for (int i = Math.max(0, nextStep - 1); i < steps.size(); i++) {
            seconds += Math.max(1, ringer.ringSeconds(steps.get(i)));
        }
        return seconds;
    }

    /** Whether a final status means busy (486 Busy Here, 600 Busy Everywhere, 603 Decline). */
    public static boolean isBusy(int code) {
        return code == 486 || code == 600 || code == 603;
    }

    /** How a branch's final status reads in the call's attempts. */
    public static String outcomeOf(int code) {
        if (isBusy(code)) {
            return "busy";
        }
        if (code == 408 || code == 480) {
            return NO_ANSWER;
        }
        return code == 487 ? CANCELLED : "rejected";
    }

    private void next() {
        cancelStepTimer();
        while (ringing) {
            if (stopForwarding || nextStep >= steps.size()) {
                stop();
                ringer.noneAnswered();
                return;
            }
            S step = steps.get(nextStep++);
            currentStep = step;
            current.clear();
            starting = true;
            ringer.ring(step);
            starting = false;
            if (ringing && anyPending()) {
                stepTimer = scheduler.schedule(Duration.ofSeconds(Math.max(1, ringer.ringSeconds(step))), this::stepTimedOut);
                return;
            }
        }
    }

    private void stepTimedOut() {
        stepTimer = null;
        if (!ringing) {
            return;
        }
        for (int i = 0; i < current.size(); i++) {
            B branch = current.get(i);
            if (branch.pending()) {
                sawNoAnswer = true;
                ringer.timedOut(branch);
            }
        }
        next();
    }

    private boolean anyPending() {
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).pending()) {
                return true;
            }
        }
        return false;
    }

    private void cancelStepTimer() {
        if (stepTimer != null) {
            stepTimer.cancel();
            stepTimer = null;
        }
    }
}
