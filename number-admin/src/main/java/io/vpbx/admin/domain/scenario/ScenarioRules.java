package io.vpbx.admin.domain.scenario;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How a scenario's steps fit together, checked before it is saved (422 naming the step's path): at most
 * {@code scenario.max-steps} steps; every branch names a step of the scenario; every step is reachable from
 * {@code start}; no loop of steps that never waits for the caller (play, time condition: a call would spin in it
 * without a key pressed or a phone rung, where a menu, collect, forward or voicemail waits); no forward step to
 * the scenario itself; a forward to collected digits names a variable a collect step keeps. Pure: the references to media, staff and schedules are checked by the service in its
 * transaction. Steps are checked in name order, so the same definition always gets the same answer.
 */
public final class ScenarioRules {
    private final int maxSteps;

    public ScenarioRules(int maxSteps) {
        this.maxSteps = maxSteps;
    }

    public void check(Scenario scenario) {
        if (scenario.steps().size() > maxSteps) {
            throw new InvalidFieldException("steps", "has " + scenario.steps().size() + " steps; at most " + maxSteps
                    + " are allowed (scenario.max-steps)");
        }
        Map<String, Step> steps = new TreeMap<>(scenario.steps());
        steps.forEach((name, step) -> branches(name, step).forEach((field, next) -> {
            if (!steps.containsKey(next)) {
                throw new InvalidFieldException(field, "names no step of this scenario: '" + next + "'");
            }
        }));
        steps.forEach((name, step) -> {
            if (step instanceof Step.Forward forward && forward.target() instanceof Destination.Scenario target
                    && target.scenarioId().equals(scenario.id())) {
                throw new InvalidFieldException("steps." + name + ".target.scenario_id", "a scenario cannot forward to itself");
            }
        });
        requireKnownVariables(steps);
        Set<String> reached = reachable(scenario.start(), steps);
        for (String name : steps.keySet()) {
            if (!reached.contains(name)) {
                throw new InvalidFieldException("steps." + name, "is not reachable from start ('" + scenario.start() + "')");
            }
        }
        requireNoLoopWithoutWaiting(steps);
    }

    /** A forward to what a collect kept names a variable some collect step of the scenario keeps. */
    private static void requireKnownVariables(Map<String, Step> steps) {
        Set<String> kept = new HashSet<>();
        steps.values().forEach(step -> {
            if (step instanceof Step.Collect collect && collect.variable() != null) {
                kept.add(collect.variable());
            }
        });
        steps.forEach((name, step) -> {
            if (step instanceof Step.Forward forward && forward.target() instanceof Destination.Collected collected
                    && !kept.contains(collected.variable())) {
                String field = collected.kind() == Destination.Collected.Kind.NUMBER ? "number_from" : "extension_from";
                throw new InvalidFieldException("steps." + name + ".target." + field, "no collect step of this scenario "
                        + "keeps variable '" + collected.variable() + "'");
            }
        });
    }

    /** The steps a step may go to, by the path of the field that names each. */
    static Map<String, String> branches(String name, Step step) {
        String path = "steps." + name + ".";
        Map<String, String> next = new LinkedHashMap<>();
        switch (step) {
            case Step.Play p -> put(next, path + "next", p.next());
            case Step.Menu m -> {
                new TreeMap<>(m.options()).forEach((digit, target) -> next.put(path + "options." + digit, target));
                put(next, path + "default", m.defaultStep());
            }
            case Step.Collect c -> {
                put(next, path + "next", c.next());
                put(next, path + "invalid", c.invalid());
            }
            case Step.TimeCondition t -> {
                put(next, path + "open", t.open());
                put(next, path + "closed", t.closed());
            }
            case Step.Forward f -> put(next, path + "no_answer", f.noAnswer());
            case Step.Voicemail v -> {
            }
            case Step.Hangup h -> {
            }
        }
        return next;
    }

    private static void put(Map<String, String> next, String field, String target) {
        if (target != null) {
            next.put(field, target);
        }
    }

    /** Whether the caller is waited for in this step: a key pressed, a phone rung, a message recorded. */
    static boolean waits(Step step) {
        return step instanceof Step.Menu || step instanceof Step.Collect || step instanceof Step.Forward
                || step instanceof Step.Voicemail;
    }

    private static Set<String> reachable(String start, Map<String, Step> steps) {
        Set<String> seen = new HashSet<>(List.of(start));
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String name = todo.pop();
            for (String next : branches(name, steps.get(name)).values()) {
                if (seen.add(next)) {
                    todo.push(next);
                }
            }
        }
        return seen;
    }

    /** A cycle among the steps that do not wait, found by depth-first search; named by its first step in name order. */
    private static void requireNoLoopWithoutWaiting(Map<String, Step> steps) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        for (String name : steps.keySet()) {
            if (!waits(steps.get(name)) && !state.containsKey(name)) {
                List<String> path = new ArrayList<>();
                List<String> cycle = cycleFrom(name, steps, state, path);
                if (cycle != null) {
                    throw new InvalidFieldException("steps." + cycle.get(0), "is in a loop that never waits for the caller ("
                            + String.join(" -> ", cycle) + " -> " + cycle.get(0)
                            + "); put a menu, collect, forward or voicemail step in it");
                }
            }
        }
    }

    private static List<String> cycleFrom(String name, Map<String, Step> steps, Map<String, Integer> state, List<String> path) {
        state.put(name, 1);
        path.add(name);
        for (String next : branches(name, steps.get(name)).values()) {
            if (waits(steps.get(next))) {
                continue;
            }
            Integer seen = state.get(next);
            if (seen == null) {
                List<String> cycle = cycleFrom(next, steps, state, path);
                if (cycle != null) {
                    return cycle;
                }
            } else if (seen == 1) {
                return new ArrayList<>(path.subList(path.indexOf(next), path.size()));
            }
        }
        path.remove(path.size() - 1);
        state.put(name, 2);
        return null;
    }
}
