package io.vpbx.sip.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.telephony.forwarding.Fallback;
import io.vpbx.telephony.forwarding.RingStrategy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The routing decisions, from an in-memory table, without a socket. */
class RouterTest {
    private static final String CARRIER = "10.0.0.1";
    private static final String ACME_TRUNK = "10.0.0.2";
    /** Routing of numbers without a schedule does not depend on the instant. */
    private static final java.time.Instant NOW = java.time.Instant.parse("2026-12-07T10:00:00Z");

    private final RoutingTable table = new RoutingTable();
    private final Map<String, List<String>> registered = new HashMap<>();
    private final RingMemory memory = new RingMemory();
    private final Router router = new Router(table, id -> registered.getOrDefault(id, List.of()), memory, new Random(7));

    @BeforeEach
    void trunks() {
        table.put(new TrunkEntry("carrier", CARRIER, null));
        table.put(new TrunkEntry("acme-own", ACME_TRUNK, "acme"));
    }

    private RouteEntry number(String e164, String account, Target target) {
        RouteEntry entry = new RouteEntry(e164, account, true, true, "active", target, 20, new Fallback.HangUp(486));
        table.put(entry);
        return entry;
    }

    private RouteDecision.Ring ring(String source, String e164) {
        return assertInstanceOf(RouteDecision.Ring.class, router.route(source, e164, NOW));
    }

    @Test
    void unknownTrunksUnknownNumbersAndOtherTenantsNumbersAreRejected() {
        number("+74951230001", "globex", new Target.Employee("e1"));
        assertEquals(new RouteDecision.Reject(403, "Forbidden (not a known trunk)"), router.route("192.0.2.9", "+74951230001", NOW));
        assertEquals(new RouteDecision.Reject(404, "Not Found"), router.route(CARRIER, "+74951239999", NOW));
        assertEquals(new RouteDecision.Reject(404, "Not Found"), router.route(ACME_TRUNK, "+74951230001", NOW),
                "another tenant's number is not reachable, and looks unknown");
        ring(CARRIER, "+74951230001");
    }

    @Test
    void complianceBlocksInboundWithTheReason() {
        table.put(new RouteEntry("+74951230002", "acme", false, false, "blocked: binding not confirmed by the registry deadline",
                new Target.Employee("e1"), 20, null));
        RouteDecision.Reject reject = assertInstanceOf(RouteDecision.Reject.class, router.route(CARRIER, "+74951230002", NOW));
        assertEquals(403, reject.sipCode());
        assertTrue(reject.reason().contains("deadline"));
        table.put(new RouteEntry("+74951230003", "acme", true, false, "one-way suspension", new Target.Employee("e1"), 20, null));
        ring(CARRIER, "+74951230003");
    }

    @Test
    void anEmployeeForksToEveryRegisteredPhoneAndTheMobile() {
        registered.put("e1", List.of("sip:e1@10.1.1.1:5060", "sip:e1@10.1.1.2:5062"));
        table.setMobile("e1", "+79161234567");
        number("+74951230001", "acme", new Target.Employee("e1"));
        RouteDecision.Ring ring = ring(CARRIER, "+74951230001");
        assertEquals(1, ring.steps().size(), "one parallel fork");
        assertEquals(3, ring.steps().get(0).legs().size());
        assertEquals(Leg.Kind.TRUNK_NUMBER, ring.steps().get(0).legs().get(2).kind());
        assertEquals(new Fallback.HangUp(486), ring.fallback());
    }

    @Test
    void anEmployeeWithNoRegistrationGoesStraightToTheFallback() {
        number("+74951230001", "acme", new Target.Employee("e1"));
        RouteDecision.Ring ring = ring(CARRIER, "+74951230001");
        assertTrue(ring.steps().isEmpty());
        assertEquals(new Fallback.HangUp(486), ring.fallback());
    }

    @Test
    void huntInOrderSkipsMembersWithoutRegistrationAndUsesTheirRingTimes() {
        registered.put("a", List.of("sip:a@10.1.1.1"));
        registered.put("c", List.of("sip:c@10.1.1.3"));
        table.put(new DepartmentPlan("sales", RingStrategy.HUNT_IN_ORDER, List.of(
                new DepartmentPlan.Member("a", 15), new DepartmentPlan.Member("b", 20), new DepartmentPlan.Member("c", 25))));
        number("+74951230001", "acme", new Target.Department("sales"));
        List<RingStep> steps = ring(CARRIER, "+74951230001").steps();
        assertEquals(List.of("a", "c"), steps.stream().map(s -> s.legs().get(0).employeeId()).toList());
        assertEquals(List.of(15, 25), steps.stream().map(RingStep::ringSeconds).toList());
        assertTrue(steps.get(0).failoverOnBusy(), "a busy member passes the call to the next");
    }

    @Test
    void ringAllIsOneForkOfEveryRegisteredMember() {
        registered.put("a", List.of("sip:a@10.1.1.1"));
        registered.put("b", List.of("sip:b@10.1.1.2"));
        table.put(new DepartmentPlan("sales", RingStrategy.RING_ALL, List.of(
                new DepartmentPlan.Member("a", 15), new DepartmentPlan.Member("b", 30))));
        number("+74951230001", "acme", new Target.Department("sales"));
        List<RingStep> steps = ring(CARRIER, "+74951230001").steps();
        assertEquals(1, steps.size());
        assertEquals(2, steps.get(0).legs().size());
        assertEquals(30, steps.get(0).ringSeconds());
    }

    @Test
    void memoryHuntStartsWithWhoAnsweredLastAndRoundRobinMovesOn() {
        for (String id : List.of("a", "b", "c")) {
            registered.put(id, List.of("sip:" + id + "@10.1.1.1"));
        }
        List<DepartmentPlan.Member> members = List.of(new DepartmentPlan.Member("a", 10), new DepartmentPlan.Member("b", 10),
                new DepartmentPlan.Member("c", 10));
        table.put(new DepartmentPlan("memory", RingStrategy.MEMORY_HUNT, members));
        table.put(new DepartmentPlan("robin", RingStrategy.ROUND_ROBIN, members));
        number("+74951230001", "acme", new Target.Department("memory"));
        number("+74951230002", "acme", new Target.Department("robin"));
        memory.answered("memory", "b", 1000);
        assertEquals("b", first(ring(CARRIER, "+74951230001")));
        assertEquals("a", first(ring(CARRIER, "+74951230002")));
        assertEquals("b", first(ring(CARRIER, "+74951230002")));
        assertEquals("c", first(ring(CARRIER, "+74951230002")));
        assertEquals("a", first(ring(CARRIER, "+74951230002")));
    }

    @Test
    void leastRecentRingsWhoWaitedLongestAndRandomRingsEveryoneOnce() {
        for (String id : List.of("a", "b", "c")) {
            registered.put(id, List.of("sip:" + id + "@10.1.1.1"));
        }
        List<DepartmentPlan.Member> members = List.of(new DepartmentPlan.Member("a", 10), new DepartmentPlan.Member("b", 10),
                new DepartmentPlan.Member("c", 10));
        table.put(new DepartmentPlan("least", RingStrategy.LEAST_RECENT, members));
        table.put(new DepartmentPlan("random", RingStrategy.RANDOM, members));
        number("+74951230001", "acme", new Target.Department("least"));
        number("+74951230002", "acme", new Target.Department("random"));
        memory.answered("least", "a", 3000);
        memory.answered("least", "c", 2000);
        assertEquals("b", first(ring(CARRIER, "+74951230001")), "b never took a call");
        List<String> shuffled = ring(CARRIER, "+74951230002").steps().stream().map(s -> s.legs().get(0).employeeId()).sorted().toList();
        assertEquals(List.of("a", "b", "c"), shuffled);
    }

    @Test
    void externalPbxFailoverIsOneStepPerUriThatDoesNotPassOnBusy() {
        number("+74951230001", "acme", new Target.ExternalPbx(List.of("sip:pbx1.example.com", "sip:pbx2.example.com")));
        List<RingStep> steps = ring(CARRIER, "+74951230001").steps();
        assertEquals(2, steps.size());
        assertEquals("sip:pbx2.example.com", steps.get(1).legs().get(0).destination());
        assertFalse(steps.get(0).failoverOnBusy());
    }

    @Test
    void aChangedEntryTakesEffectForTheNextCall() {
        registered.put("e1", List.of("sip:e1@10.1.1.1"));
        number("+74951230001", "acme", new Target.ExternalNumber("+79160000000"));
        assertEquals(Leg.Kind.TRUNK_NUMBER, ring(CARRIER, "+74951230001").steps().get(0).legs().get(0).kind());
        number("+74951230001", "acme", new Target.Employee("e1"));
        assertEquals(Leg.Kind.CONTACT, ring(CARRIER, "+74951230001").steps().get(0).legs().get(0).kind());
    }

    private static String first(RouteDecision.Ring ring) {
        return ring.steps().get(0).legs().get(0).employeeId();
    }
}
