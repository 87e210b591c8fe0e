package io.vpbx.sip.uas;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.sip.routing.DialPlan;
import io.vpbx.sip.routing.Dialed;
import io.vpbx.sip.routing.Location;
import io.vpbx.sip.routing.RingMemory;
import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.ScheduleChoice;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.uas.SimulatedCall.Entry;
import io.vpbx.sip.uas.SimulatedCall.Kind;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.scenario.Scenario;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The path a call to one of an account's numbers would take at an instant, worked out by the code that routes real
 * calls: the {@link Router} (checks, schedule branch, ring steps by strategy; with a memory of its own, so that a
 * simulation never moves a round robin on), and for a scenario the {@link ScenarioScript} itself in a
 * {@link ScenarioDryRun}. Reads the routing snapshot and the registrar's bindings in memory; never blocks on storage
 * except to read a scenario's clips, as a real call does before it is answered.
 */
public final class RouteSimulator {
    private final RoutingTable table;
    private final Location location;
    private final AnswerServices services;
    /** The script's meters: a simulation is no call, so it counts apart from the real ones. */
    private final AnsweringMetrics metrics = new AnsweringMetrics(new SimpleMeterRegistry());

    /** {@code services}: the answering services real calls use (clips, schedules, extensions). */
    public RouteSimulator(RoutingTable table, Location location, AnswerServices services) {
        this.table = table;
        this.location = location;
        this.services = services;
    }

    /**
     * Simulates a call from {@code caller} to {@code e164} at {@code at}, the caller pressing {@code digits} (one entry per
     * question a scenario asks). Empty when the number is not {@code accountId}'s.
     */
    public Optional<SimulatedCall> simulate(String accountId, String e164, Instant at, String caller, List<String> digits)
            throws InterruptedException {
        Optional<RouteEntry> found = table.number(e164).filter(entry -> entry.accountId().equals(accountId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RouteEntry number = found.get();
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        entries.add(Entry.of(Kind.NUMBER, "inbound " + (number.inbound() ? "allowed" : "barred") + ", outbound "
                + (number.outbound() ? "allowed" : "barred") + (number.reason() == null ? "" : " (" + number.reason() + ")")));
        Router router = new Router(table, location, new RingMemory(), new SplittableRandom());
        RouteDecision decision = router.routeOnPlatform(e164, at);
        if (!(decision instanceof RouteDecision.Ring ring)) {
            RouteDecision.Reject reject = (RouteDecision.Reject) decision;
            entries.add(Entry.of(Kind.REFUSED, reject.sipCode() + " " + reject.reason()));
            warnings.add("calls to this number are refused: " + reject.reason());
            return Optional.of(new SimulatedCall(entries, warnings));
        }
        Target target = schedule(number, ring.branch(), at, entries, warnings);
        RingReport report = new RingReport(table, location);
        if (target instanceof Target.Scenario scenario) {
            if (ranScenario(router, scenario, accountId, e164, caller, at, digits, entries, warnings)) {
                return Optional.of(new SimulatedCall(entries, warnings));
            }
        } else {
            report.report(target, ring.steps().stream().map(step -> new RingReport.Step(step.legs(), step.ringSeconds()))
                    .toList(), entries::add, warnings::add);
            if (!digits.isEmpty()) {
                warnings.add("digits are pressed only in a scenario; this number rings phones");
            }
        }
        fallback(ring.fallback(), entries, warnings);
        return Optional.of(new SimulatedCall(entries, warnings));
    }

    /**
     * Simulates what an employee's phone of {@code accountId} does by dialling {@code code}, a service code
     * ({@code *12}) read by the proxy's own {@link DialPlan}: the scenario that has it runs, the caller pressing
     * {@code digits}. Empty when the account has no such code.
     */
    public Optional<SimulatedCall> simulateServiceCode(String accountId, String code, Instant at, String caller,
                                                       List<String> digits) throws InterruptedException {
        if (!(new DialPlan(table).interpret(accountId, code) instanceof Dialed.ServiceCode dialed)) {
            return Optional.empty();
        }
        List<Entry> entries = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        entries.add(Entry.of(Kind.DIALED, "service code " + dialed.code() + ": scenario " + dialed.scenario().scenarioId()));
        Router router = new Router(table, location, new RingMemory(), new SplittableRandom());
        // the call's number is the caller ID a phone asking for none shows: what a forward out is checked with
        String shown = table.firstOutboundNumber(accountId).map(RouteEntry::e164).orElse(dialed.code());
        if (!ranScenario(router, dialed.scenario(), accountId, shown, caller, at, digits, entries, warnings)) {
            fallback(Fallback.standard(), entries, warnings);
        }
        return Optional.of(new SimulatedCall(entries, warnings));
    }

    /** Runs the account's scenario in a dry run; false (with a warning) when it is unavailable and the fallback answers. */
    private boolean ranScenario(Router router, Target.Scenario scenario, String accountId, String called, String caller,
                                Instant at, List<String> digits, List<Entry> entries, List<String> warnings)
            throws InterruptedException {
        Optional<Scenario> found = table.scenario(scenario.scenarioId()).filter(s -> s.accountId().equals(accountId));
        if (found.isEmpty()) {
            warnings.add("scenario " + scenario.scenarioId() + " is unavailable: the fallback answers");
            return false;
        }
        new ScenarioDryRun(services, new BridgeTargets(router, table), new RingReport(table, location), table::scenario,
                metrics).run(found.get(), accountId, called, caller, at, digits, entries::add, warnings::add);
        return true;
    }

    /** The schedule's branch at {@code at} and when it next changes; the target that branch rings. */
    private Target schedule(RouteEntry number, ScheduleChoice.Branch branch, Instant at, List<Entry> entries,
                            List<String> warnings) {
        if (branch == ScheduleChoice.Branch.ALL_HOURS) {
            return number.target();
        }
        String id = number.schedule().scheduleId();
        Optional<Instant> next = table.schedule(id).flatMap(schedule -> schedule.nextChange(at));
        boolean closed = branch == ScheduleChoice.Branch.CLOSED;
        entries.add(Entry.of(Kind.SCHEDULE, "schedule " + id + (closed ? " closed" : " open")
                + next.map(change -> ", changes at " + change).orElse(", never changes")));
        if (!closed) {
            return number.target();
        }
        Target after = number.schedule().closed();
        warnings.add(after instanceof Target.None ? "schedule closed: no after-hours target, the fallback answers"
                : "schedule closed: after-hours target");
        return after;
    }

    private static void fallback(Fallback fallback, List<Entry> entries, List<String> warnings) {
        entries.add(Entry.of(Kind.FALLBACK, "if nobody answers: " + switch (fallback) {
            case Fallback.HangUp hangUp -> "hang_up " + hangUp.sipCode();
            case Fallback.VoiceMessage message -> "voice_message " + message.mediaId();
            case Fallback.Voicemail voicemail -> "voicemail";
            case Fallback.PassBack passBack -> "pass_back";
        }));
        if (fallback instanceof Fallback.VoiceMessage message) {
            entries.add(Entry.of(Kind.PROMPT, message.mediaId()));
        }
        if (fallback instanceof Fallback.Voicemail voicemail) {
            entries.add(Entry.voicemail(voicemail.recipients()));
        }
        if (fallback instanceof Fallback.Voicemail voicemail && voicemail.recipients().isEmpty()) {
            warnings.add("the voicemail recipient has no email: messages are kept but not mailed");
        }
    }
}
