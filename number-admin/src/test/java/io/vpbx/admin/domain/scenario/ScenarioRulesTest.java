package io.vpbx.admin.domain.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScenarioRulesTest {
    private static final Duration FIVE = Duration.ofSeconds(5);
    private final ScenarioRules rules = new ScenarioRules(10);

    private static Scenario scenario(String start, Map<String, Step> steps) {
        return new Scenario("sc-1", "acc-1", 1, "Test", start, steps);
    }

    private static Step.Menu menu(Map<String, String> options, String fallback) {
        return new Step.Menu("p", options, FIVE, 3, null, null, fallback);
    }

    private static Step.Play play(String next) {
        return new Step.Play("m", 1, next);
    }

    private void assertRefused(String field, String reason, Scenario scenario) {
        InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> rules.check(scenario));
        assertEquals(field, refused.field(), refused.getMessage());
        assertTrue(refused.reason().contains(reason), refused.getMessage());
    }

    @Test
    void aMenuThatLoopsBackThroughPlaysIsFine() {
        rules.check(scenario("main", Map.of(
                "main", menu(Map.of("1", "hours", "2", "sales"), "vm"),
                "hours", play("again"),
                "again", play("main"),
                "sales", new Step.Forward(new Destination.Department("d-1"), FIVE, "vm"),
                "vm", new Step.Voicemail(List.of("a@example.com"), null))));
    }

    @Test
    void aBranchToAMissingStepIsNamedByItsPath() {
        assertRefused("steps.main.options.3", "names no step", scenario("main", Map.of(
                "main", menu(Map.of("1", "bye", "3", "nowhere"), null), "bye", new Step.Hangup(480))));
        assertRefused("steps.main.default", "'vm'", scenario("main", Map.of("main", menu(Map.of("1", "main"), "vm"))));
        assertRefused("steps.a.next", "names no step", scenario("a", Map.of("a", play("b"))));
        assertRefused("steps.t.closed", "names no step", scenario("t", Map.of(
                "t", new Step.TimeCondition("s-1", null, "gone"))));
        assertRefused("steps.f.no_answer", "names no step", scenario("f", Map.of(
                "f", new Step.Forward(new Destination.Employee("e"), FIVE, "gone"))));
        assertRefused("steps.c.invalid", "names no step", scenario("c", Map.of(
                "c", new Step.Collect(null, 1, 4, '#', FIVE, true, null, null, "gone"))));
    }

    @Test
    void aStepNotReachableFromStartIsRefused() {
        assertRefused("steps.orphan", "not reachable from start", scenario("main", Map.of(
                "main", menu(Map.of("1", "bye"), null), "bye", new Step.Hangup(480), "orphan", play("main"))));
    }

    @Test
    void aLoopOfStepsThatNeverWaitIsRefusedNamingItsSteps() {
        assertRefused("steps.a", "a -> b -> c -> a", scenario("a", Map.of("a", play("b"), "b", play("c"), "c", play("a"))));
        assertRefused("steps.self", "self -> self", scenario("self", Map.of("self", play("self"))));
        assertRefused("steps.p", "never waits", scenario("m", Map.of(
                "m", menu(Map.of("1", "p"), null),
                "p", play("t"),
                "t", new Step.TimeCondition("s-1", "p", "m"))));
    }

    @Test
    void aLoopThroughAStepThatWaitsIsFine() {
        for (Step waiting : List.<Step>of(menu(Map.of("1", "a"), null),
                new Step.Collect(null, 1, 4, '#', FIVE, false, "x", "a", "a"),
                new Step.Forward(new Destination.Department("d"), FIVE, "a"))) {
            rules.check(scenario("a", Map.of("a", play("b"), "b", play("w"), "w", waiting)));
        }
    }

    @Test
    void moreStepsThanTheLimitAreRefused() {
        Map<String, Step> steps = new HashMap<>();
        for (int i = 0; i < 11; i++) {
            steps.put("s" + i, i == 10 ? new Step.Hangup(480) : menu(Map.of("1", "s" + (i + 1)), null));
        }
        assertRefused("steps", "at most 10", scenario("s0", steps));
        steps.remove("s10");
        steps.put("s9", new Step.Hangup(480));
        rules.check(scenario("s0", steps));
    }

    @Test
    void aScenarioCannotForwardToItself() {
        assertRefused("steps.loop.target.scenario_id", "itself", scenario("loop", Map.of(
                "loop", new Step.Forward(new Destination.Scenario("sc-1"), FIVE, null))));
        rules.check(scenario("other", Map.of("other", new Step.Forward(new Destination.Scenario("sc-2"), FIVE, null))));
    }

    /** Property: on random graphs, a refusal for a loop names a real cycle of non-waiting steps, and acceptance means none. */
    @Test
    void randomGraphsAreRefusedForALoopExactlyWhenOneExists() {
        Random random = new Random(13);
        for (int round = 0; round < 500; round++) {
            int size = 2 + random.nextInt(7);
            Map<String, Step> steps = new HashMap<>();
            for (int i = 0; i < size; i++) {
                String next = "s" + random.nextInt(size);
                steps.put("s" + i, switch (random.nextInt(3)) {
                    case 0 -> play(next);
                    case 1 -> new Step.TimeCondition("sch", next, "s" + random.nextInt(size));
                    default -> menu(Map.of("1", next, "2", "s" + random.nextInt(size)), null);
                });
            }
            // make every step reachable: s0 is a menu listing all of them
            Map<String, String> all = new HashMap<>();
            for (int i = 0; i < size && i < 12; i++) {
                all.put(Character.toString("0123456789*#".charAt(i)), "s" + i);
            }
            steps.put("s0", menu(all, null));
            Scenario scenario = scenario("s0", steps);
            boolean loop = hasLoopWithoutWaiting(steps);
            if (loop) {
                InvalidFieldException refused = assertThrows(InvalidFieldException.class, () -> rules.check(scenario));
                assertTrue(refused.reason().contains("never waits"), refused.getMessage());
            } else {
                rules.check(scenario);
            }
        }
    }

    /** The plain definition: some non-waiting step reaches itself through non-waiting steps only. */
    private static boolean hasLoopWithoutWaiting(Map<String, Step> steps) {
        for (String from : steps.keySet()) {
            if (!ScenarioRules.waits(steps.get(from)) && reachesThroughNonWaiting(from, from, steps, new java.util.HashSet<>())) {
                return true;
            }
        }
        return false;
    }

    private static boolean reachesThroughNonWaiting(String target, String at, Map<String, Step> steps, java.util.Set<String> seen) {
        for (String next : ScenarioRules.branches(at, steps.get(at)).values()) {
            if (ScenarioRules.waits(steps.get(next))) {
                continue;
            }
            if (next.equals(target)) {
                return true;
            }
            if (seen.add(next) && reachesThroughNonWaiting(target, next, steps, seen)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void aForwardToCollectedDigitsNamesAVariableACollectKeeps() {
        Step.Collect ask = new Step.Collect(null, 3, 11, '#', FIVE, false, "callback", "call", null);
        rules.check(scenario("ask", Map.of("ask", ask,
                "call", new Step.Forward(new Destination.Collected(Destination.Collected.Kind.NUMBER, "callback"), FIVE, null))));
        assertRefused("steps.call.target.number_from", "'callback_number'", scenario("ask", Map.of("ask", ask,
                "call", new Step.Forward(new Destination.Collected(Destination.Collected.Kind.NUMBER, "callback_number"),
                        FIVE, null))));
        assertRefused("steps.call.target.extension_from", "'ext'", scenario("ask", Map.of("ask", ask,
                "call", new Step.Forward(new Destination.Collected(Destination.Collected.Kind.EXTENSION, "ext"), FIVE, null))));
    }
}
