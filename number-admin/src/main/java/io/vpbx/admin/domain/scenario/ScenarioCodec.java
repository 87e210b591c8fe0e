package io.vpbx.admin.domain.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.FreeText;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.forwarding.Forwarding;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.telephony.forwarding.Destination;
import io.vpbx.telephony.scenario.Scenario;
import io.vpbx.telephony.scenario.ServiceCode;
import io.vpbx.telephony.scenario.Step;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads and writes a scenario's definition ({@code {"name", "start", "service_code", "steps": {name: step}}}) as JSON: the same
 * shape in the API and in storage. Reading checks each step's shape (its type, its known fields, required ones,
 * bounds, digits 0-9 * #, a forward step's target as a number's forwarding reads it) and names the offending field
 * by its path ({@code steps.main.options.3}); how the steps fit together is {@link ScenarioRules}' business, and
 * whether referenced media, staff and schedules exist the service's. Writing fills in every default, so what is
 * stored (and audited) is the whole definition.
 */
public final class ScenarioCodec {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_ID_LENGTH = 80;
    static final String DTMF = "0123456789*#";
    private static final Pattern STEP_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final Pattern VARIABLE = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    private final ObjectMapper mapper;
    private final ForwardingCodec forwarding;

    public ScenarioCodec(ObjectMapper mapper, ForwardingCodec forwarding) {
        this.mapper = mapper;
        this.forwarding = forwarding;
    }

    /** The definition in {@code node} as version {@code version} of scenario {@code id}; 422 naming the field otherwise. */
    public Scenario read(String id, String accountId, int version, JsonNode node) {
        Fields top = new Fields("", node, Set.of("name", "start", "steps", "service_code"));
        String name = FreeText.required("name", top.text("name"), MAX_NAME_LENGTH);
        JsonNode stepsNode = node.get("steps");
        if (stepsNode == null || !stepsNode.isObject() || stepsNode.isEmpty()) {
            throw new InvalidFieldException("steps", "must be an object of named steps, at least one");
        }
        Map<String, Step> steps = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stepsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = "steps." + entry.getKey();
            requireStepName(path, entry.getKey());
            steps.put(entry.getKey(), step(path, entry.getValue()));
        }
        String start = top.text("start");
        requireStepName("start", start);
        if (!steps.containsKey(start)) {
            throw new InvalidFieldException("start", "names no step of this scenario: '" + start + "'");
        }
        return new Scenario(id, accountId, version, name, start, steps, serviceCode(top.textOr("service_code", null)));
    }

    /** {@code *} and 2..6 digits, as an employee's phone dials it; null: the scenario has none. */
    private static ServiceCode serviceCode(String text) {
        if (text == null) {
            return null;
        }
        if (!ServiceCode.isServiceCode(text)) {
            throw new InvalidFieldException("service_code", "must be * followed by " + ServiceCode.MIN_DIGITS + " to "
                    + ServiceCode.MAX_DIGITS + " digits, e.g. *12; got '" + text + "'");
        }
        return new ServiceCode(text);
    }

    /** The definition of {@code scenario} with every default written out, steps in name order. */
    public ObjectNode write(Scenario scenario) {
        ObjectNode node = mapper.createObjectNode().put("name", scenario.name()).put("start", scenario.start());
        if (scenario.serviceCode() != null) {
            node.put("service_code", scenario.serviceCode().code());
        }
        ObjectNode steps = node.putObject("steps");
        new TreeMap<>(scenario.steps()).forEach((name, step) -> steps.set(name, write(step)));
        return node;
    }

    private Step step(String path, JsonNode node) {
        if (node == null || !node.isObject()) {
            throw new InvalidFieldException(path, "must be an object with a type");
        }
        String type = new Fields(path, node, null).text("type");
        return switch (type) {
            case "play" -> {
                Fields f = new Fields(path, node, Set.of("type", "media", "repeat", "next"));
                yield new Step.Play(f.id("media"), f.intOr("repeat", 1, 1, 10), f.stepOr("next"));
            }
            case "menu" -> menu(path, node);
            case "collect" -> collect(path, node);
            case "time_condition" -> {
                Fields f = new Fields(path, node, Set.of("type", "schedule_id", "open", "closed"));
                yield new Step.TimeCondition(f.id("schedule_id"), f.stepOr("open"), f.stepOr("closed"));
            }
            case "forward" -> {
                Fields f = new Fields(path, node, Set.of("type", "target", "ring_timeout", "no_answer"));
                yield new Step.Forward(forwardTarget(path + ".target", node.get("target")),
                        f.seconds("ring_timeout", Forwarding.DEFAULT_RING_SECONDS, Forwarding.MIN_RING_SECONDS,
                                Forwarding.MAX_RING_SECONDS), f.stepOr("no_answer"));
            }
            case "voicemail" -> {
                Fields f = new Fields(path, node, Set.of("type", "recipients", "greeting"));
                yield new Step.Voicemail(ForwardingCodec.readRecipients(path + ".recipients", node.get("recipients")),
                        f.idOr("greeting"));
            }
            case "hangup" -> {
                Fields f = new Fields(path, node, Set.of("type", "code"));
                yield new Step.Hangup(f.intOr("code", 480, 400, 699));
            }
            default -> throw new InvalidFieldException(path + ".type", "must be one of play, menu, collect, time_condition, "
                    + "forward, voicemail, hangup; got '" + type + "'");
        };
    }

    /**
     * A forward's target: any forwarding target, or what a collect step kept, as a number
     * ({@code {"type": "external_number", "number_from": "<variable>"}}) or an employee's extension
     * ({@code {"type": "employee", "extension_from": "<variable>"}}). Whether a collect keeps that variable is
     * {@link ScenarioRules}' check.
     */
    private Destination forwardTarget(String field, JsonNode node) {
        if (node != null && node.isObject() && (node.has("number_from") || node.has("extension_from"))) {
            boolean number = node.has("number_from");
            String type = number ? "external_number" : "employee";
            String reference = number ? "number_from" : "extension_from";
            Fields f = new Fields(field, node, Set.of("type", reference));
            if (!type.equals(f.text("type"))) {
                throw new InvalidFieldException(field + ".type", reference + " goes with type " + type);
            }
            String variable = f.text(reference);
            if (!VARIABLE.matcher(variable).matches()) {
                throw new InvalidFieldException(field + "." + reference,
                        "must name a collect step's variable: 1..32 of a-z, 0-9 and _, starting with a letter");
            }
            return new Destination.Collected(number ? Destination.Collected.Kind.NUMBER
                    : Destination.Collected.Kind.EXTENSION, variable);
        }
        return Destinations.of(forwarding.readTarget(field, node));
    }

    private ObjectNode writeTarget(Destination target) {
        if (target instanceof Destination.Collected collected) {
            boolean number = collected.kind() == Destination.Collected.Kind.NUMBER;
            return mapper.createObjectNode().put("type", number ? "external_number" : "employee")
                    .put(number ? "number_from" : "extension_from", collected.variable());
        }
        return forwarding.writeTarget(Destinations.target("target", target));
    }

    private static Step menu(String path, JsonNode node) {
        Fields f = new Fields(path, node, Set.of("type", "prompt", "options", "timeout", "retries", "invalid_prompt",
                "no_input_prompt", "default"));
        JsonNode optionsNode = node.get("options");
        if (optionsNode == null || !optionsNode.isObject() || optionsNode.isEmpty()) {
            throw new InvalidFieldException(path + ".options", "must be an object of digit -> step name, at least one");
        }
        Map<String, String> options = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = optionsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            String digit = option.getKey();
            String field = path + ".options." + digit;
            if (digit.length() != 1 || DTMF.indexOf(digit.charAt(0)) < 0) {
                throw new InvalidFieldException(field, "a menu option is one key of the keypad: 0-9, * or #");
            }
            options.put(digit, stepName(field, option.getValue()));
        }
        return new Step.Menu(f.id("prompt"), options, f.seconds("timeout", 5, 1, 60), f.intOr("retries", 3, 1, 10),
                f.idOr("invalid_prompt"), f.idOr("no_input_prompt"), f.stepOr("default"));
    }

    private static Step collect(String path, JsonNode node) {
        Fields f = new Fields(path, node, Set.of("type", "prompt", "min_digits", "max_digits", "terminator", "timeout",
                "extension", "variable", "next", "invalid"));
        int min = f.intOr("min_digits", 1, 1, 32);
        int max = f.intOr("max_digits", Math.max(min, 15), 1, 32);
        if (max < min) {
            throw new InvalidFieldException(path + ".max_digits", "must be at least min_digits (" + min + ")");
        }
        String terminator = f.textOr("terminator", "#");
        if (terminator.length() != 1 || DTMF.indexOf(terminator.charAt(0)) < 0) {
            throw new InvalidFieldException(path + ".terminator", "must be one key of the keypad: 0-9, * or #");
        }
        boolean extension = f.flag("extension");
        String variable = f.textOr("variable", null);
        String next = f.stepOr("next");
        if (extension && variable != null) {
            throw new InvalidFieldException(path + ".variable", "an extension is dialled, not kept: leave variable out with extension: true");
        }
        if (extension && next != null) {
            throw new InvalidFieldException(path + ".next", "with extension: true the caller goes to the employee; "
                    + "'invalid' is where an unknown extension goes");
        }
        if (!extension) {
            if (variable == null) {
                throw new InvalidFieldException(path + ".variable", "is required unless extension is true: the name the digits are kept under");
            }
            if (!VARIABLE.matcher(variable).matches()) {
                throw new InvalidFieldException(path + ".variable", "must be 1..32 of a-z, 0-9 and _, starting with a letter");
            }
        }
        return new Step.Collect(f.idOr("prompt"), min, max, terminator.charAt(0), f.seconds("timeout", 5, 1, 60), extension,
                variable, next, f.stepOr("invalid"));
    }

    private ObjectNode write(Step step) {
        ObjectNode node = mapper.createObjectNode();
        switch (step) {
            case Step.Play p -> {
                node.put("type", "play").put("media", p.media()).put("repeat", p.repeat());
                putOptional(node, "next", p.next());
            }
            case Step.Menu m -> {
                node.put("type", "menu").put("prompt", m.prompt());
                ObjectNode options = node.putObject("options");
                new TreeMap<>(m.options()).forEach(options::put);
                node.put("timeout", (int) m.timeout().toSeconds()).put("retries", m.retries());
                putOptional(node, "invalid_prompt", m.invalidPrompt());
                putOptional(node, "no_input_prompt", m.noInputPrompt());
                putOptional(node, "default", m.defaultStep());
            }
            case Step.Collect c -> {
                node.put("type", "collect");
                putOptional(node, "prompt", c.prompt());
                node.put("min_digits", c.minDigits()).put("max_digits", c.maxDigits())
                        .put("terminator", String.valueOf(c.terminator())).put("timeout", (int) c.timeout().toSeconds())
                        .put("extension", c.extension());
                putOptional(node, "variable", c.variable());
                putOptional(node, "next", c.next());
                putOptional(node, "invalid", c.invalid());
            }
            case Step.TimeCondition t -> {
                node.put("type", "time_condition").put("schedule_id", t.scheduleId());
                putOptional(node, "open", t.open());
                putOptional(node, "closed", t.closed());
            }
            case Step.Forward f -> {
                node.put("type", "forward");
                node.set("target", writeTarget(f.target()));
                node.put("ring_timeout", (int) f.ringTimeout().toSeconds());
                putOptional(node, "no_answer", f.noAnswer());
            }
            case Step.Voicemail v -> {
                node.put("type", "voicemail");
                node.set("recipients", forwarding.writeRecipients(v.recipients()));
                putOptional(node, "greeting", v.greeting());
            }
            case Step.Hangup h -> node.put("type", "hangup").put("code", h.code());
        }
        return node;
    }

    /** An optional text field, left out when absent. */
    private static void putOptional(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void requireStepName(String field, String name) {
        if (!STEP_NAME.matcher(name).matches()) {
            throw new InvalidFieldException(field, "a step name is 1..40 letters, digits, _ or -; got '" + name + "'");
        }
    }

    private static String stepName(String field, JsonNode node) {
        if (node == null || !node.isTextual()) {
            throw new InvalidFieldException(field, "must be the name of a step");
        }
        requireStepName(field, node.textValue());
        return node.textValue();
    }

    /** One JSON object of the definition, its fields read by name and named by path in every refusal. */
    private static final class Fields {
        private final String path;
        private final JsonNode node;

        /** {@code allowed} null: any field (the type is read before the step's fields are known). */
        Fields(String path, JsonNode node, Set<String> allowed) {
            this.path = path;
            this.node = node;
            if (node == null || !node.isObject()) {
                throw new InvalidFieldException(path.isEmpty() ? "body" : path, "must be an object");
            }
            if (allowed != null) {
                for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                    String name = names.next();
                    if (!allowed.contains(name)) {
                        throw new InvalidFieldException(field(name), "is not a known field here (expected " + sorted(allowed) + ")");
                    }
                }
            }
        }

        private static String sorted(Set<String> names) {
            return String.join(", ", new TreeSet<>(names));
        }

        String field(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private JsonNode present(String name) {
            JsonNode value = node.get(name);
            return value == null || value.isNull() ? null : value;
        }

        String text(String name) {
            JsonNode value = present(name);
            if (value == null) {
                throw new InvalidFieldException(field(name), "is required");
            }
            if (!value.isTextual()) {
                throw new InvalidFieldException(field(name), "must be a string");
            }
            return FreeText.clean(field(name), value.textValue());
        }

        String textOr(String name, String absent) {
            return present(name) == null ? absent : text(name);
        }

        /** A required id (a media clip's, a schedule's): 1..80 characters. */
        String id(String name) {
            String value = text(name).trim();
            if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
                throw new InvalidFieldException(field(name), "must be 1.." + MAX_ID_LENGTH + " characters");
            }
            return value;
        }

        String idOr(String name) {
            return present(name) == null ? null : id(name);
        }

        /** An optional branch: the name of a step, or absent (hang up). */
        String stepOr(String name) {
            JsonNode value = present(name);
            return value == null ? null : stepName(field(name), value);
        }

        int intOr(String name, int absent, int min, int max) {
            JsonNode value = present(name);
            if (value == null) {
                return absent;
            }
            if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
                throw new InvalidFieldException(field(name), "must be a whole number " + min + ".." + max);
            }
            return value.asInt();
        }

        Duration seconds(String name, int absent, int min, int max) {
            return Duration.ofSeconds(intOr(name, absent, min, max));
        }

        boolean flag(String name) {
            JsonNode value = present(name);
            if (value != null && !value.isBoolean()) {
                throw new InvalidFieldException(field(name), "must be true or false");
            }
            return value != null && value.booleanValue();
        }
    }
}
