package io.vpbx.admin.service.scenarios;

import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.scenario.Destinations;
import io.vpbx.admin.domain.voicemail.Recipient;
import io.vpbx.admin.service.numbers.ForwardingReferences;
import io.vpbx.admin.service.numbers.TargetHosts;
import io.vpbx.admin.store.EmployeeStore;
import io.vpbx.admin.store.MediaStore;
import io.vpbx.admin.store.Tx;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.Step;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a scenario refers to, checked when it is saved (422 naming the step's field): its prompts and greetings
 * in the account's media library, a forward step's target as a number's forwarding is checked (the account's own
 * employee, department or scenario, a platform number it may reach, an external PBX's hosts outside the
 * operator's private ranges), voicemail recipients among the account's employees, schedules of the account. Also
 * the ids it refers to, kept with the version so that deleting one of them finds the scenario.
 */
public final class ScenarioReferences {
    private final MediaStore media;
    private final EmployeeStore employees;
    private final ForwardingReferences forwarding;
    private final ScheduleReferences schedules;
    private final TargetHosts hosts;

    public ScenarioReferences(MediaStore media, EmployeeStore employees, ForwardingReferences forwarding,
                              ScheduleReferences schedules, TargetHosts hosts) {
        this.media = media;
        this.employees = employees;
        this.forwarding = forwarding;
        this.schedules = schedules;
        this.hosts = hosts;
    }

    /** The hosts of external PBX targets; resolves names, so call it before the transaction. */
    public void checkHosts(Scenario scenario) {
        steps(scenario).forEach((name, step) -> {
            if (step instanceof Step.Forward forward && !(forward.target() instanceof Destination.Collected)) {
                String field = "steps." + name + ".target";
                hosts.check(field, Destinations.target(field, forward.target()));
            }
        });
    }

    public void check(Tx tx, Scenario scenario) throws SQLException {
        String accountId = scenario.accountId();
        for (Map.Entry<String, Step> entry : steps(scenario).entrySet()) {
            String path = "steps." + entry.getKey() + ".";
            for (Map.Entry<String, String> clip : media(entry.getValue()).entrySet()) {
                if (!media.exists(tx, accountId, clip.getValue())) {
                    throw new InvalidFieldException(path + clip.getKey(), "no media " + clip.getValue()
                            + " in this account's library (upload it to /v1/media)");
                }
            }
            switch (entry.getValue()) {
                case Step.Forward f when !(f.target() instanceof Destination.Collected) -> forwarding.check(tx, accountId,
                        null, path + "target", Destinations.target(path + "target", f.target()));
                case Step.Voicemail v -> requireRecipients(tx, accountId, path + "recipients", v.recipients());
                case Step.TimeCondition t -> {
                    if (!schedules.exists(tx, accountId, t.scheduleId())) {
                        throw new InvalidFieldException(path + "schedule_id", "no schedule " + t.scheduleId() + " in this account");
                    }
                }
                default -> {
                }
            }
        }
    }

    /** The ids the scenario refers to: media, employees, departments, schedules and scenarios. */
    public static Set<String> of(Scenario scenario) {
        Set<String> references = new TreeSet<>();
        for (Step step : scenario.steps().values()) {
            references.addAll(media(step).values());
            switch (step) {
                case Step.Forward f -> {
                    switch (f.target()) {
                        case Destination.Employee e -> references.add(e.employeeId());
                        case Destination.Department d -> references.add(d.departmentId());
                        case Destination.Scenario s -> references.add(s.scenarioId());
                        default -> {
                        }
                    }
                }
                case Step.Voicemail v -> v.recipients().stream().map(Recipient::parse)
                        .filter(Recipient.Employee.class::isInstance)
                        .forEach(r -> references.add(((Recipient.Employee) r).employeeId()));
                case Step.TimeCondition t -> references.add(t.scheduleId());
                default -> {
                }
            }
        }
        return references;
    }

    private void requireRecipients(Tx tx, String accountId, String field, List<String> recipients) throws SQLException {
        for (int i = 0; i < recipients.size(); i++) {
            if (Recipient.parse(recipients.get(i)) instanceof Recipient.Employee e && !employees.exists(tx, accountId, e.employeeId())) {
                throw new InvalidFieldException(field + "[" + i + "]", "no employee " + e.employeeId() + " in this account");
            }
        }
    }

    /** The clips a step plays, by the field that names each. */
    private static Map<String, String> media(Step step) {
        Map<String, String> clips = new LinkedHashMap<>();
        switch (step) {
            case Step.Play p -> clips.put("media", p.media());
            case Step.Menu m -> {
                clips.put("prompt", m.prompt());
                putIfPresent(clips, "invalid_prompt", m.invalidPrompt());
                putIfPresent(clips, "no_input_prompt", m.noInputPrompt());
            }
            case Step.Collect c -> putIfPresent(clips, "prompt", c.prompt());
            case Step.Voicemail v -> putIfPresent(clips, "greeting", v.greeting());
            default -> {
            }
        }
        return clips;
    }

    private static void putIfPresent(Map<String, String> clips, String field, String id) {
        if (id != null) {
            clips.put(field, id);
        }
    }

    private static Map<String, Step> steps(Scenario scenario) {
        return new TreeMap<>(scenario.steps());
    }
}
