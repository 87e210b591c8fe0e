package io.vpbx.sip.uas;

import io.vpbx.media.AudioClip;
import io.vpbx.media.MediaSession;
import io.vpbx.sip.routing.DialedNumber;
import io.vpbx.sip.transaction.Cancellable;
import io.vpbx.sip.uas.ScenarioForwarding.BridgeRequest;
import io.vpbx.sip.uas.ScenarioForwarding.ForwardOutcome;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IVR scenario run on one answered call: a state machine over the scenario's steps, confined to the SIP event
 * loop, moved on by media completions, digits (RFC 4733 through the session, or SIP INFO) and timers; no thread
 * waits for the caller. The clips of every step are loaded before the call is answered; time conditions at the
 * start are decided then too, so a scenario that begins by hanging up refuses the call without answering it. Every
 * step entered, digit pressed, schedule branch and target reached goes into the call record's path. A digit during a
 * menu's prompt stops it and is the choice (barge-in); digits pressed during a {@code play} step are kept for the
 * next menu (its first one is the choice) or collect (they are its first digits), which then plays no prompt; a step
 * that takes no digits (forward, voicemail, hang-up) drops them. See docs/adr/0029.
 */
final class ScenarioScript implements AnswerScript {
    private static final Logger log = LoggerFactory.getLogger(ScenarioScript.class);
    /** Steps one call may enter: a scenario that loops without the caller's help ends rather than runs forever. */
    static final int MAX_STEPS = 500;
    /** How long the employee a collected extension names may ring (the collect step has no ring time of its own). */
    static final Duration EXTENSION_RING = Duration.ofSeconds(30);
    /** A final status for a scenario that ends before answering without a code of its own. */
    private static final int HANG_UP_UNANSWERED = 480;
    /** Digits kept while a {@code play} step plays (a collect takes at most 32): more are dropped. */
    static final int MAX_TYPED_AHEAD = 32;

    private enum Listening { NONE, MENU, COLLECT }

    private final Function<String, Optional<Scenario>> scenarios;
    private final UasContext context;
    private final WireMessage invite;
    private final String localTag;
    private final AnsweredCall call;
    private Scenario scenario;
    private String label;
    private final Map<String, String> variables = new HashMap<>();
    private Map<String, AudioClip> clips = Map.of();
    private MediaSession session;
    private Runnable over;
    /** The first step that plays or waits, after the time conditions at the start. */
    private String first;
    private int refusal;
    private int entered;
    /** Moves on with every change of what the script waits for: completions and timers of an older one are ignored. */
    private int epoch;
    private Listening listening = Listening.NONE;
    private Step.Menu menu;
    private int failures;
    private Step.Collect collect;
    private StringBuilder digits;
    /** Digits pressed while a play step played, oldest first: the next menu or collect takes them (type-ahead). */
    private final StringBuilder typedAhead = new StringBuilder();
    private boolean inPlay;
    private boolean prompting;
    private Cancellable timer;
    private VoicemailScript voicemail;
    private boolean recordingVoicemail;
    private ScenarioForwarding.Forwarding forwarding;
    private boolean stopped;
    private boolean finished;

    ScenarioScript(Scenario scenario, Function<String, Optional<Scenario>> scenarios, UasContext context,
                   WireMessage invite, String localTag, AnsweredCall call) {
        this.scenario = scenario;
        this.scenarios = scenarios;
        this.context = context;
        this.invite = invite;
        this.localTag = localTag;
        this.call = call;
        this.label = scenario.id() + " v" + scenario.version();
    }

    // ---- before the answer ----

    @Override
    public CompletionStage<Boolean> load() {
        return ScenarioClips.load(scenario, context.services().clips(), call.accountId()).handleAsync((loaded, error) -> {
            if (error != null || loaded.isEmpty()) {
                log.warn("scenario {} of call {}: a clip it plays is {}", label, invite.callId(),
                        error != null ? "unreadable: " + error : "gone");
                return false;
            }
            clips = loaded.get();
            decideStart();
            return true;
        }, context.loop());
    }

    /** Follows the time conditions at the start: the call is answered for the first step that plays or waits. */
    private void decideStart() {
        String name = scenario.start();
        while (name != null && scenario.steps().get(name) instanceof Step.TimeCondition condition && entered < MAX_STEPS) {
            entered++;
            path("step " + name);
            context.metrics().scenarioStep(condition);
            name = branch(condition);
        }
        if (name == null || entered >= MAX_STEPS) {
            refusal = HANG_UP_UNANSWERED;
            path("hang_up " + refusal);
        } else if (scenario.steps().get(name) instanceof Step.Hangup hangup) {
            path("step " + name);
            context.metrics().scenarioStep(hangup);
            refusal = hangup.code() >= 400 && hangup.code() <= 699 ? hangup.code() : HANG_UP_UNANSWERED;
            path("hang_up " + refusal);
        }
        first = name;
    }

    @Override
    public int refusal() {
        return refusal;
    }

    // ---- the steps ----

    @Override
    public void run(MediaSession session, Runnable over) {
        this.session = session;
        this.over = over;
        session.onDigit(digit -> context.loop().execute(() -> digit(digit)));
        go(first);
    }

    private void go(String name) {
        epoch++;
        cancelTimer();
        listening = Listening.NONE;
        prompting = false;
        inPlay = false;
        if (stopped || finished) {
            return;
        }
        if (name == null) {
            path("hang_up");
            finish();
            return;
        }
        if (++entered > MAX_STEPS) {
            log.warn("scenario {} of call {}: more than {} steps, hanging up", label, invite.callId(), MAX_STEPS);
            path("hang_up too_many_steps");
            finish();
            return;
        }
        path("step " + name);
        Step step = scenario.steps().get(name);
        context.metrics().scenarioStep(step);
        if (!takesDigits(step)) {
            typedAhead.setLength(0);
        }
        switch (step) {
            case Step.Play play -> play(play);
            case Step.Menu menu -> menu(menu);
            case Step.Collect collect -> collect(collect);
            case Step.TimeCondition condition -> go(branch(condition));
            case Step.Forward forward -> forward(forward.target(), forward.ringTimeout(), forward.noAnswer());
            case Step.Voicemail voicemail -> voicemail(voicemail);
            case Step.Hangup hangup -> finish();
        }
    }

    /** Steps that keep the caller's typed-ahead digits: those that take digits, and those that lead to them at once. */
    private static boolean takesDigits(Step step) {
        return step instanceof Step.Play || step instanceof Step.Menu || step instanceof Step.Collect
                || step instanceof Step.TimeCondition;
    }

    private String branch(Step.TimeCondition condition) {
        boolean open = context.services().scenarios().schedules().isOpen(condition.scheduleId(), context.clock().instant());
        path("schedule " + condition.scheduleId() + (open ? " open" : " closed"));
        return open ? condition.open() : condition.closed();
    }

    private void play(Step.Play play) {
        inPlay = true;
        int at = epoch;
        session.play(clips.get(play.media()), Math.max(1, play.repeat())).whenCompleteAsync((played, error) -> {
            if (at == epoch) {
                go(play.next());
            }
        }, context.loop());
    }

    /** A menu: the prompt, then one digit within the timeout; a digit during a prompt stops it and counts. */
    private void menu(Step.Menu menu) {
        this.menu = menu;
        failures = 0;
        if (!typedAhead.isEmpty()) {
            char digit = typedAhead.charAt(0);
            typedAhead.deleteCharAt(0);
            if (!menu.options().containsKey(String.valueOf(digit))) {
                typedAhead.setLength(0); // a wrong key ahead: the caller hears why and starts over
            }
            epoch++;
            listening = Listening.MENU;
            menuDigit(digit);
            return;
        }
        ask(null);
    }

    private void ask(String apology) {
        epoch++;
        listening = Listening.MENU;
        List<AudioClip> prompts = new ArrayList<>(2);
        if (apology != null) {
            prompts.add(clips.get(apology));
        }
        prompts.add(clips.get(menu.prompt()));
        playThenWait(prompts, menu.timeout(), this::noInput);
    }

    private void menuDigit(char digit) {
        path("digit " + digit);
        String option = menu.options().get(String.valueOf(digit));
        if (option != null) {
            go(option);
        } else {
            menuFailed("invalid", menu.invalidPrompt());
        }
    }

    private void noInput() {
        path("no_input");
        menuFailed("no_input", menu.noInputPrompt());
    }

    private void menuFailed(String why, String apology) {
        if (++failures >= Math.max(1, menu.retries())) {
            path("retries_exhausted");
            go(menu.defaultStep());
            return;
        }
        ask(apology);
    }

    /** Collects digits: ended by the terminator, the most digits, or the timeout between digits. */
    private void collect(Step.Collect collect) {
        this.collect = collect;
        digits = new StringBuilder(Math.max(1, collect.maxDigits()));
        listening = Listening.COLLECT;
        if (!typedAhead.isEmpty()) {
            // the caller is already keying: no prompt; what is left after the collect ends stays for the next step
            int step = entered;
            while (!typedAhead.isEmpty() && entered == step && listening == Listening.COLLECT && !finished) {
                char digit = typedAhead.charAt(0);
                typedAhead.deleteCharAt(0);
                collectDigit(digit);
            }
            return;
        }
        playThenWait(collect.prompt() == null ? List.of() : List.of(clips.get(collect.prompt())), collect.timeout(),
                this::collected);
    }

    private void collectDigit(char digit) {
        if (digit == collect.terminator()) {
            collected();
            return;
        }
        digits.append(digit);
        if (digits.length() >= collect.maxDigits()) {
            collected();
            return;
        }
        epoch++;
        int at = epoch;
        timer = context.scheduler().schedule(collect.timeout(), () -> timedOut(at, this::collected));
    }

    private void collected() {
        listening = Listening.NONE;
        String value = digits.toString();
        path("digits " + (value.isEmpty() ? "none" : value));
        if (value.length() < Math.max(1, collect.minDigits())) {
            go(collect.invalid());
            return;
        }
        if (!collect.extension()) {
            if (collect.variable() != null) {
                variables.put(collect.variable(), value);
            }
            go(collect.next());
            return;
        }
        Optional<String> employee = context.services().scenarios().extensions().employee(call.accountId(), value);
        if (employee.isEmpty()) {
            path("extension " + value + " unknown");
            go(collect.invalid());
            return;
        }
        epoch++;
        forward(new Destination.Employee(employee.get()), EXTENSION_RING, collect.next());
    }

    /** Plays the clips one after another, listening; then waits {@code timeout} for a digit. */
    private void playThenWait(List<AudioClip> prompts, Duration timeout, Runnable silence) {
        int at = epoch;
        prompting = true;
        playFrom(prompts, 0, at, () -> {
            prompting = false;
            timer = context.scheduler().schedule(timeout, () -> timedOut(at, silence));
        });
    }

    private void playFrom(List<AudioClip> prompts, int index, int at, Runnable then) {
        if (index == prompts.size()) {
            then.run();
            return;
        }
        session.play(prompts.get(index), 1).whenCompleteAsync((played, error) -> {
            if (at == epoch) {
                playFrom(prompts, index + 1, at, then);
            }
        }, context.loop());
    }

    private void timedOut(int at, Runnable silence) {
        if (at == epoch && !finished) {
            timer = null;
            silence.run();
        }
    }

    @Override
    public void digit(char digit) {
        if (finished || stopped) {
            return;
        }
        if (listening == Listening.NONE) {
            if (inPlay && typedAhead.length() < MAX_TYPED_AHEAD) {
                typedAhead.append(digit);
            }
            return;
        }
        // barge-in: a digit stops the prompt and counts
        epoch++;
        cancelTimer();
        if (prompting) {
            prompting = false;
            session.stopPlaying();
        }
        if (listening == Listening.MENU) {
            menuDigit(digit);
        } else {
            collectDigit(digit);
        }
    }

    private void forward(Destination wanted, Duration ringTimeout, String noAnswer) {
        Destination target = wanted;
        if (wanted instanceof Destination.Collected collected) {
            Optional<Destination> resolved = resolve(collected);
            if (resolved.isEmpty()) {
                go(noAnswer);
                return;
            }
            target = resolved.get();
        }
        path("forward " + describe(target));
        if (target instanceof Destination.Scenario other) {
            enter(other.scenarioId(), noAnswer);
            return;
        }
        int at = epoch;
        forwarding = context.forwarding().forward(
                new BridgeRequest(invite, localTag, call, session, target, ringTimeout),
                outcome -> context.loop().execute(() -> forwarded(outcome, at, noAnswer)));
    }

    /**
     * What a collect step kept, as a forward's target: a number in any form {@link DialedNumber} reads (the account's
     * rules for calls out are the bridge's to apply), or an employee's extension of the account. Empty, with the
     * reason in the path, when nothing was kept or it names nobody.
     */
    private Optional<Destination> resolve(Destination.Collected collected) {
        String value = variables.get(collected.variable());
        if (value == null || value.isEmpty()) {
            path("not_answered no_digits " + collected.variable());
            return Optional.empty();
        }
        if (collected.kind() == Destination.Collected.Kind.EXTENSION) {
            Optional<String> employee = context.services().scenarios().extensions().employee(call.accountId(), value);
            if (employee.isEmpty()) {
                path("extension " + value + " unknown");
            }
            return employee.map(Destination.Employee::new);
        }
        String e164 = DialedNumber.toE164(value);
        if (e164 == null) {
            path("not_answered not_a_number " + value);
            return Optional.empty();
        }
        return Optional.of(new Destination.ExternalNumber(e164));
    }

    private void forwarded(ForwardOutcome outcome, int at, String noAnswer) {
        forwarding = null;
        if (stopped || at != epoch) {
            finish();
            return;
        }
        switch (outcome) {
            case ForwardOutcome.Bridged bridged -> {
                path("reached " + bridged.reached());
                finish();
            }
            case ForwardOutcome.NotAnswered missed -> {
                path("not_answered " + missed.why() + (missed.sipCode() > 0 ? " " + missed.sipCode() : ""));
                go(noAnswer);
            }
        }
    }

    /**
     * A forward to another scenario of the account is no call to bridge: this call goes on in that scenario's current
     * version once its clips are loaded. Gone, or another account's: as a forward nobody answered.
     */
    private void enter(String scenarioId, String noAnswer) {
        Optional<Scenario> next = scenarios.apply(scenarioId).filter(found -> found.accountId().equals(call.accountId()));
        if (next.isEmpty()) {
            path("not_answered scenario_unavailable");
            go(noAnswer);
            return;
        }
        int at = epoch;
        ScenarioClips.load(next.get(), context.services().clips(), call.accountId()).whenCompleteAsync((loaded, error) -> {
            if (at != epoch || finished) {
                return;
            }
            if (error != null || loaded.isEmpty()) {
                path("not_answered scenario_clip_gone");
                go(noAnswer);
                return;
            }
            scenario = next.get();
            label = scenario.id() + " v" + scenario.version();
            clips = loaded.get();
            go(scenario.start());
        }, context.loop());
    }

    private static String describe(Destination target) {
        return switch (target) {
            case Destination.Employee employee -> "employee " + employee.employeeId();
            case Destination.Department department -> "department " + department.departmentId();
            case Destination.ExternalNumber number -> "number " + number.e164();
            case Destination.ExternalPbx pbx -> "pbx " + String.join(",", pbx.uris());
            case Destination.PlatformNumber number -> "platform_number " + number.e164();
            case Destination.Scenario other -> "scenario " + other.scenarioId();
            case Destination.Collected collected -> "collected " + collected.variable();
        };
    }

    /** The shared voicemail (greeting, beep, recording, kept or discarded); the call ends after it. */
    private void voicemail(Step.Voicemail step) {
        VoicemailScript taking = new VoicemailScript(step.recipients(), step.greeting(), context.services(), call,
                invite.callId(), context.clock(), context.loop(), context.metrics());
        voicemail = taking;
        int at = epoch;
        taking.load().whenCompleteAsync((loaded, error) -> {
            if (at != epoch || finished) {
                return;
            }
            recordingVoicemail = true;
            taking.run(session, () -> {
                recordingVoicemail = false;
                voicemail = null;
                finish();
            });
        }, context.loop());
    }

    // ---- endings ----

    @Override
    public void stop(MediaSession session) {
        if (stopped || finished) {
            return;
        }
        stopped = true;
        cancelTimer();
        if (recordingVoicemail) {
            voicemail.stop(session);
        } else if (forwarding != null) {
            forwarding.stop();
        } else {
            epoch++;
            session.stopPlaying();
            finish();
        }
    }

    private void finish() {
        if (finished) {
            return;
        }
        finished = true;
        epoch++;
        cancelTimer();
        listening = Listening.NONE;
        over.run();
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void path(String entry) {
        call.path(label, entry, context.clock().instant());
    }

    /** What the caller's digits collected, by variable name (for the steps that will read them). */
    Map<String, String> variables() {
        return Map.copyOf(variables);
    }
}
