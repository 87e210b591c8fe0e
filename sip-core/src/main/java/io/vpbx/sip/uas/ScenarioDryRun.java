package io.vpbx.sip.uas;

import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.uas.ScenarioForwarding.BridgeRequest;
import io.vpbx.sip.uas.ScenarioForwarding.ForwardOutcome;
import io.vpbx.sip.uas.SimulatedCall.Entry;
import io.vpbx.sip.uas.SimulatedCall.Kind;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs a scenario the way a real call runs it, by the same {@link ScenarioScript}, without a call: the media session
 * is {@link SimulatedMedia} (every prompt played at once), the caller's keys come from {@link CallerDigits} whenever
 * the script waits, the clock stands at the simulated instant, and a {@code forward} step reports the phones the
 * bridge would ring ({@link BridgeTargets}, as the bridge itself) and goes on as if nobody answered. What the script
 * writes into the call record's path is what this run reports.
 */
final class ScenarioDryRun {
    private final AnswerServices services;
    private final BridgeTargets targets;
    private final RingReport rings;
    private final Function<String, Optional<Scenario>> scenarios;
    private final AnsweringMetrics metrics;

    ScenarioDryRun(AnswerServices services, BridgeTargets targets, RingReport rings,
                   Function<String, Optional<Scenario>> scenarios, AnsweringMetrics metrics) {
        this.metrics = metrics;
        this.services = services;
        this.targets = targets;
        this.rings = rings;
        this.scenarios = scenarios;
    }

    /** Runs {@code scenario} for a call to {@code number} of {@code accountId} at {@code at}, pressing {@code digits}. */
    void run(Scenario scenario, String accountId, String number, String caller, Instant at, List<String> digits,
             Consumer<Entry> entries, Consumer<String> warnings) throws InterruptedException {
        DryRunLoop loop = new DryRunLoop();
        CallerDigits keys = new CallerDigits(digits);
        String callId = "simulation-" + UUID.randomUUID();
        SimulatedMedia media = new SimulatedMedia(callId, loop, clip -> entries.accept(Entry.of(Kind.PROMPT, clip.id())));
        loop.onDue(timeout -> keys.next().ifPresentOrElse(media::press, timeout));
        Recorder call = new Recorder(accountId, number, caller, entries, keys, this::step);
        AnswerServices dry = new AnswerServices(services.media(), services.clips(), voicemail -> { },
                services.voicemail(), services.greeting(), services.beep(), services.scenarios());
        UasContext context = new UasContext(null, null, null, loop, null, Clock.fixed(at, ZoneOffset.UTC), loop, dry,
                forwarding(accountId, at, entries, warnings), null, metrics);
        warnRecipients(scenario, warnings);
        ScenarioScript script = new ScenarioScript(scenario, scenarios, context, invite(callId, number, caller), "simulation",
                call);
        boolean[] loaded = new boolean[2];
        script.load().whenComplete((present, error) -> {
            loaded[0] = true;
            loaded[1] = error == null && Boolean.TRUE.equals(present);
        });
        if (!loop.runUntil(() -> loaded[0]) || !loaded[1]) {
            entries.accept(Entry.of(Kind.REFUSED, "480 Temporarily Unavailable (a clip the scenario plays is gone)"));
            warnings.accept("a clip scenario " + scenario.id() + " plays is gone: its calls are refused");
            return;
        }
        if (script.refusal() != 0) {
            entries.accept(Entry.of(Kind.REFUSED, script.refusal() + " (the scenario hangs up before answering)"));
            return;
        }
        boolean[] over = new boolean[1];
        script.run(media, () -> over[0] = true);
        if (!loop.runUntil(() -> over[0])) {
            warnings.accept("the simulation stopped waiting for a clip to load");
        }
        for (int unused : keys.unused()) {
            warnings.accept("digits[" + unused + "] were never asked for");
        }
    }

    /** The forward step's phones, reported as the bridge would ring them; then "nobody answered", as a real ring timeout. */
    private ScenarioForwarding forwarding(String accountId, Instant at, Consumer<Entry> entries, Consumer<String> warnings) {
        return (BridgeRequest request, Consumer<ForwardOutcome> done) -> {
            String refused = targets.refusal(accountId, request.call().number(), request.target());
            if (refused != null) {
                warnings.accept("the forward to " + ((Destination.ExternalNumber) request.target()).e164()
                        + " is refused: " + refused);
                done.accept(new ForwardOutcome.NotAnswered(403, "destination_refused"));
                return () -> { };
            }
            int ringSeconds = (int) Math.max(1, request.ringTimeout().toSeconds());
            List<BridgeTargets.Ring> steps = targets.steps(accountId, request.target(), ringSeconds, at);
            List<RingReport.Step> rung = new ArrayList<>();
            for (BridgeTargets.Ring ring : steps) {
                rung.add(new RingReport.Step(ring.callees().stream().map(BridgeTargets.Callee::leg).toList(),
                        ring.ringSeconds()));
            }
            rings.report(target(request.target()), rung, entries, warnings);
            done.accept(steps.isEmpty() ? new ForwardOutcome.NotAnswered(480, "nobody_to_ring")
                    : new ForwardOutcome.NotAnswered(408, "no_answer"));
            return () -> { };
        };
    }

    private static Target target(Destination destination) {
        return switch (destination) {
            case Destination.Employee e -> new Target.Employee(e.employeeId());
            case Destination.Department d -> new Target.Department(d.departmentId());
            case Destination.ExternalNumber n -> new Target.ExternalNumber(n.e164());
            case Destination.ExternalPbx x -> new Target.ExternalPbx(x.uris());
            case Destination.PlatformNumber p -> new Target.PlatformNumber(p.e164());
            case Destination.Scenario s -> new Target.Scenario(s.scenarioId());
            case Destination.Collected c -> new Target.None(); // resolved by the script before it forwards
        };
    }

    private static void warnRecipients(Scenario scenario, Consumer<String> warnings) {
        scenario.steps().forEach((name, step) -> {
            if (step instanceof Step.Voicemail voicemail && voicemail.recipients().isEmpty()) {
                warnings.accept("the voicemail recipient of step " + name + " has no email: messages are kept but not mailed");
            }
        });
    }

    private static WireMessage invite(String callId, String number, String caller) {
        String from = caller == null ? "anonymous" : caller;
        return WireMessage.parse("INVITE sip:" + number + "@simulation.invalid SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bKsimulation\r\n"
                + "From: <sip:" + from + "@simulation.invalid>;tag=simulation\r\n"
                + "To: <sip:" + number + "@simulation.invalid>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 INVITE\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n");
    }

    /** The step {@code name} of the scenario a path entry's label ("id vN") names. */
    private Optional<Step> step(String label, String name) {
        int version = label.lastIndexOf(" v");
        return scenarios.apply(version < 0 ? label : label.substring(0, version))
                .map(scenario -> scenario.steps().get(name));
    }

    /**
     * The call the script reports to: its path entries become the simulation's (a voicemail step entered adds who gets
     * the message), and an answer uses up the caller's keys.
     */
    private record Recorder(String accountId, String number, String caller, Consumer<Entry> entries, CallerDigits keys,
                            BiFunction<String, String, Optional<Step>> steps) implements AnsweredCall {

        @Override
        public void answered(Instant at) {
        }

        @Override
        public void path(String scenario, String entry, Instant at) {
            entries.accept(new Entry(Kind.PATH, entry, scenario, List.of(), 0, List.of()));
            if (entry.startsWith("step ")
                    && steps.apply(scenario, entry.substring("step ".length())).orElse(null) instanceof Step.Voicemail v) {
                entries.accept(Entry.voicemail(v.recipients()));
            }
            if (entry.startsWith("digit ") || entry.startsWith("digits ") || entry.equals("no_input")) {
                keys.answered();
            }
        }

        @Override
        public void ended(CallRecord.Result result, int status, Instant at) {
        }
    }
}
