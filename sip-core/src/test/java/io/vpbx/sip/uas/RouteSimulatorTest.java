package io.vpbx.sip.uas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.media.AudioClip;
import io.vpbx.media.tone.Tones;
import io.vpbx.sip.routing.DepartmentPlan;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.routing.ScheduleChoice;
import io.vpbx.sip.routing.Target;
import io.vpbx.sip.uas.SimulatedCall.Entry;
import io.vpbx.sip.uas.SimulatedCall.Kind;
import io.vpbx.sip.uas.SimulatedCall.Phone;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.forwarding.RingStrategy;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.ServiceCode;
import io.vpbx.telephony.scenario.Step;
import io.vpbx.telephony.schedule.Schedule;
import io.vpbx.telephony.schedule.TimeRange;
import io.vpbx.config.VoicemailConfig;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The simulation of a call, from the routing snapshot and the registrar's bindings alone: phones with their
 * registration state, a department's order, a schedule's closed branch with its next change, a scenario's menu driven
 * by digits, and the warnings.
 */
class RouteSimulatorTest {
    private static final String NUMBER = "+74951230001";
    /** A Thursday, half past eleven at night in Moscow. */
    private static final Instant LATE = OffsetDateTime.parse("2026-12-31T23:30:00+03:00").toInstant();
    private static final Instant NOON = OffsetDateTime.parse("2026-12-31T12:00:00+03:00").toInstant();

    private final RoutingTable table = new RoutingTable();
    private final Map<String, List<String>> contacts = new HashMap<>();
    private final Map<String, AudioClip> clips = new HashMap<>();
    private final RouteSimulator simulator = new RouteSimulator(table, employee -> contacts.getOrDefault(employee, List.of()),
            new AnswerServices(AnswerServices.withoutMedia().media(),
                    (account, id) -> CompletableFuture.completedFuture(Optional.ofNullable(clips.get(id))), voicemail -> { },
                    new VoicemailConfig(Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofDays(30)),
                    Tones.greeting(), Tones.beep(),
                    new ScenarioServices((schedule, at) -> table.schedule(schedule).map(s -> s.isOpen(at)).orElse(false),
                            (account, extension) -> extension.equals("105") ? Optional.of("e-105") : Optional.empty())));

    private SimulatedCall simulate(Instant at, List<String> digits) throws InterruptedException {
        return simulator.simulate("acme", NUMBER, at, "+79161234567", digits).orElseThrow();
    }

    private static List<Entry> of(SimulatedCall call, Kind kind) {
        return call.entries().stream().filter(entry -> entry.kind() == kind).toList();
    }

    @Test
    void aNumberForwardedToAnEmployeeListsTheirRegisteredPhones() throws Exception {
        contacts.put("e-1", List.of("sip:desk@10.0.0.5:5060", "sip:soft@10.0.0.6:5062"));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Employee("e-1"), 25, new Fallback.HangUp(480)));

        SimulatedCall call = simulate(NOON, List.of());

        List<Entry> rings = of(call, Kind.RING);
        assertEquals(1, rings.size());
        assertEquals(25, rings.get(0).ringSeconds());
        assertEquals(List.of(new Phone("e-1", "contact", "sip:desk@10.0.0.5:5060", true),
                new Phone("e-1", "contact", "sip:soft@10.0.0.6:5062", true)), rings.get(0).phones());
        assertEquals("if nobody answers: hang_up 480", of(call, Kind.FALLBACK).get(0).text());
        assertEquals("inbound allowed, outbound allowed", call.entries().get(0).text());
        assertEquals(List.of(), call.warnings());
    }

    @Test
    void aDepartmentRingsItsRegisteredMembersInOrderAndSkipsTheOthers() throws Exception {
        contacts.put("e-1", List.of("sip:one@10.0.0.5"));
        contacts.put("e-3", List.of("sip:three@10.0.0.7"));
        table.put(new DepartmentPlan("sales", RingStrategy.HUNT_IN_ORDER, List.of(new DepartmentPlan.Member("e-1", 10),
                new DepartmentPlan.Member("e-2", 15), new DepartmentPlan.Member("e-3", 20))));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Department("sales"), 30, null));

        SimulatedCall call = simulate(NOON, List.of());

        List<Entry> rings = of(call, Kind.RING);
        assertEquals(List.of("sip:one@10.0.0.5", "sip:three@10.0.0.7"),
                rings.stream().map(ring -> ring.phones().get(0).destination()).toList());
        assertEquals(List.of(10, 20), rings.stream().map(Entry::ringSeconds).toList());
        assertEquals(List.of("employee e-2 of department sales has no registered phone: skipped"),
                of(call, Kind.SKIPPED).stream().map(Entry::text).toList());
    }

    @Test
    void aDepartmentWithNobodyRegisteredIsWarnedAbout() throws Exception {
        table.put(new DepartmentPlan("sales", RingStrategy.RING_ALL, List.of(new DepartmentPlan.Member("e-1", 10))));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Department("sales"), 30,
                new Fallback.Voicemail(List.of(), null)));

        SimulatedCall call = simulate(NOON, List.of());

        assertEquals(List.of(), of(call, Kind.RING));
        assertTrue(call.warnings().contains("department sales has no registered phone at this time"), call.warnings().toString());
        assertTrue(call.warnings().contains("the voicemail recipient has no email: messages are kept but not mailed"),
                call.warnings().toString());
        assertEquals("if nobody answers: voicemail", of(call, Kind.FALLBACK).get(0).text());
        assertEquals("voicemail, mailed to nobody", of(call, Kind.VOICEMAIL).get(0).text());
    }

    @Test
    void aClosedScheduleTakesTheAfterHoursTargetAndSaysWhenItOpens() throws Exception {
        Map<DayOfWeek, List<TimeRange>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(18, 0))));
        }
        table.put(new Schedule("office", "acme", "Office", ZoneId.of("Europe/Moscow"), week, List.of()));
        contacts.put("e-1", List.of("sip:day@10.0.0.5"));
        contacts.put("e-9", List.of("sip:night@10.0.0.9"));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Employee("e-1"), 20, null,
                new ScheduleChoice("office", new Target.Employee("e-9"))));

        SimulatedCall late = simulate(LATE, List.of());
        SimulatedCall noon = simulate(NOON, List.of());

        assertEquals("schedule office closed, changes at 2027-01-01T06:00:00Z", of(late, Kind.SCHEDULE).get(0).text());
        assertEquals("sip:night@10.0.0.9", of(late, Kind.RING).get(0).phones().get(0).destination());
        assertTrue(late.warnings().contains("schedule closed: after-hours target"), late.warnings().toString());
        assertEquals("schedule office open, changes at 2026-12-31T15:00:00Z", of(noon, Kind.SCHEDULE).get(0).text());
        assertEquals("sip:day@10.0.0.5", of(noon, Kind.RING).get(0).phones().get(0).destination());
    }

    @Test
    void aClosedScheduleWithoutAnAfterHoursTargetGoesToTheFallback() throws Exception {
        table.put(new Schedule("office", "acme", "Office", ZoneId.of("Europe/Moscow"),
                Map.of(DayOfWeek.THURSDAY, List.of(new TimeRange(LocalTime.of(9, 0), LocalTime.of(18, 0)))), List.of()));
        contacts.put("e-1", List.of("sip:day@10.0.0.5"));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Employee("e-1"), 20,
                new Fallback.VoiceMessage("m-closed", 2, false, 0), new ScheduleChoice("office", new Target.None())));

        SimulatedCall late = simulate(LATE, List.of());

        assertEquals("schedule office closed, changes at 2027-01-07T06:00:00Z", of(late, Kind.SCHEDULE).get(0).text());
        assertEquals(List.of(), of(late, Kind.RING));
        assertEquals("if nobody answers: voice_message m-closed", of(late, Kind.FALLBACK).get(0).text());
        assertEquals(List.of("m-closed"), of(late, Kind.PROMPT).stream().map(Entry::text).toList());
        assertTrue(late.warnings().contains("schedule closed: no after-hours target, the fallback answers"),
                late.warnings().toString());
    }

    @Test
    void simulatingARoundRobinDoesNotMoveItOn() throws Exception {
        contacts.put("e-1", List.of("sip:one@10.0.0.5"));
        contacts.put("e-2", List.of("sip:two@10.0.0.6"));
        table.put(new DepartmentPlan("sales", RingStrategy.ROUND_ROBIN, List.of(new DepartmentPlan.Member("e-1", 10),
                new DepartmentPlan.Member("e-2", 10))));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Department("sales"), 30, null));

        SimulatedCall first = simulate(NOON, List.of());
        SimulatedCall second = simulate(NOON, List.of());

        assertEquals(of(first, Kind.RING), of(second, Kind.RING));
        assertEquals("sip:one@10.0.0.5", of(second, Kind.RING).get(0).phones().get(0).destination());
        assertTrue(second.warnings().contains(
                "department sales rings by round_robin: the order shown is as if no call had been taken before"));
    }

    @Test
    void aMenuGivenTwoReachesVoicemailWithThePromptsPlayed() throws Exception {
        clips.put("m-menu", new AudioClip("m-menu", Tones.sine(1000, 100)));
        table.putScenario(new Scenario("ivr", "acme", 3, "Main", "main", Map.of(
                "main", new Step.Menu("m-menu", Map.of("1", "sales", "2", "vm"), Duration.ofSeconds(5), 3, null, null, null),
                "sales", new Step.Forward(new Destination.Department("sales"), Duration.ofSeconds(20), "vm"),
                "vm", new Step.Voicemail(List.of(), null))));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Scenario("ivr"), 20, null));

        SimulatedCall call = simulate(NOON, List.of("2"));

        assertEquals(List.of("step main", "digit 2", "step vm"), call.path());
        assertEquals(List.of("m-menu", Tones.greeting().id(), Tones.beep().id()),
                of(call, Kind.PROMPT).stream().map(Entry::text).toList());
        assertEquals("ivr v3", of(call, Kind.PATH).get(0).scenario());
        assertEquals(List.of(List.of()), of(call, Kind.VOICEMAIL).stream().map(Entry::recipients).toList());
        assertTrue(call.warnings().stream().anyMatch(w -> w.startsWith("the voicemail recipient of step vm has no email")),
                call.warnings().toString());
    }

    @Test
    void aCollectedExtensionRingsThatEmployeeThenNoInputRunsOutTheMenu() throws Exception {
        clips.put("m-menu", new AudioClip("m-menu", Tones.sine(1000, 100)));
        contacts.put("e-105", List.of("sip:105@10.0.0.5"));
        table.putScenario(new Scenario("ivr", "acme", 1, "Main", "main", Map.of(
                "main", new Step.Menu("m-menu", Map.of("2", "ext"), Duration.ofSeconds(5), 2, null, null, null),
                "ext", new Step.Collect(null, 1, 4, '#', Duration.ofSeconds(3), true, null, "main", "main"))));
        table.put(new RouteEntry(NUMBER, "acme", true, true, null, new Target.Scenario("ivr"), 20, null));

        SimulatedCall call = simulate(NOON, List.of("2", "105#"));

        assertEquals(List.of("step main", "digit 2", "step ext", "digits 105", "forward employee e-105",
                "not_answered no_answer 408", "step main", "no_input", "no_input", "retries_exhausted", "hang_up"), call.path());
        Entry ring = of(call, Kind.RING).get(0);
        assertEquals(List.of(new Phone("e-105", "contact", "sip:105@10.0.0.5", true)), ring.phones());
        assertEquals(30, ring.ringSeconds());
    }

    @Test
    void anotherAccountsNumberIsNotSimulated() throws Exception {
        table.put(new RouteEntry(NUMBER, "globex", true, true, null, new Target.Employee("e-1"), 20, null));

        assertTrue(simulator.simulate("acme", NUMBER, NOON, null, List.of()).isEmpty());
    }

    @Test
    void aBarredNumberIsRefused() throws Exception {
        table.put(new RouteEntry(NUMBER, "acme", false, true, "registry_suspended", new Target.Employee("e-1"), 20, null));

        SimulatedCall call = simulate(NOON, List.of());

        assertEquals("403 Forbidden (registry_suspended)", of(call, Kind.REFUSED).get(0).text());
        assertEquals("inbound barred, outbound allowed (registry_suspended)", call.entries().get(0).text());
    }

    @Test
    void aServiceCodeRunsItsScenarioAsTheDialPlanReadsIt() throws Exception {
        clips.put("m-menu", new AudioClip("m-menu", Tones.sine(1000, 100)));
        table.putScenario(new Scenario("ivr", "acme", 2, "Main", "main", Map.of(
                "main", new Step.Menu("m-menu", Map.of("2", "vm"), Duration.ofSeconds(5), 3, null, null, null),
                "vm", new Step.Voicemail(List.of("desk@acme.example"), null)), new ServiceCode("*12")));

        SimulatedCall call = simulator.simulateServiceCode("acme", "*12", NOON, "anna", List.of("2")).orElseThrow();

        assertEquals("service code *12: scenario ivr", call.entries().get(0).text());
        assertEquals(Kind.DIALED, call.entries().get(0).kind());
        assertEquals(List.of("step main", "digit 2", "step vm"), call.path());
        assertEquals("ivr v2", of(call, Kind.PATH).get(0).scenario());
        assertTrue(simulator.simulateServiceCode("globex", "*12", NOON, null, List.of()).isEmpty(),
                "another account has no such code");
        assertTrue(simulator.simulateServiceCode("acme", "*13", NOON, null, List.of()).isEmpty());
    }
}
