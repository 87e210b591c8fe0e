package io.vpbx.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Hostile requests for one operation of an OpenAPI document, derived from its schema: bodies that are not
 * a JSON object or not JSON at all, a plausible body with each property in turn made null, of a wrong type,
 * huge, full of control characters or a lone surrogate, deep nesting, unknown properties, bad path and query
 * values and an unknown query parameter. The cases are the same on every run for the same seed, and at most
 * {@code budget} of them are kept (the generic ones always, the per-property ones drawn by the seed).
 */
final class FuzzCases {
    /** One request to send: path with its query, body text (null: none) and its Content-Type (null: none). */
    record Case(String what, String path, String body, String contentType) {
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String UNKNOWN_PARAMETER = "zz_unknown";
    private static final String HUGE = "x".repeat(100_000);
    private static final List<String> BAD_PATH_VALUES = List.of("x", "%00", "%2F..%2F", "..", "%2B7", "9".repeat(40),
            "%ED%A0%80", "a".repeat(1000), "null", "%27%20OR%20%271%27%3D%271", "%0D%0AX-Injected:%20yes", "-1");
    private static final List<String> BAD_QUERY_VALUES = List.of("", "x", "-1", "0", "99999999999999999999", "%00",
            "a".repeat(300), "%ED%A0%80", "2026-13-45T99:99:99Z", "%2B", "true,false", "%0D%0A");
    private static final List<String> NOT_OBJECTS = List.of("null", "[]", "\"x\"", "1", "true", "", " ", "{}", "{} x",
            "{\"a\":1}{\"a\":1}", "{\"a\":1,\"a\":1}", "{\"\\ud800\":1}", "{\"a\":" + "[".repeat(64) + "]".repeat(64) + "}",
            "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}", "{\"a\":\"\u0000\"}", "{'a':1}", "{\"a\":NaN}", "\u00ff\u00fe");

    private final JsonNode document;
    private final Random random;

    FuzzCases(JsonNode document, long seed) {
        this.document = document;
        this.random = new Random(seed);
    }

    /** The cases for {@code operation} at {@code path} (its parameters already filled in by {@code pathValues}). */
    List<Case> of(String template, JsonNode operation, Map<String, String> pathValues, int budget) {
        String path = fill(template, pathValues);
        List<Case> always = new ArrayList<>();
        List<Case> drawn = new ArrayList<>();
        String query = goodQuery(operation);
        always.add(new Case("plain", path + query, null, null));
        always.add(new Case("unknown query parameter", path + (query.isEmpty() ? "?" : query + "&") + UNKNOWN_PARAMETER + "=1", null, null));
        for (JsonNode parameter : parameters(operation)) {
            String name = parameter.get("name").asText();
            if ("query".equals(parameter.path("in").asText())) {
                for (String bad : BAD_QUERY_VALUES) {
                    drawn.add(new Case("query " + name + "=" + abbreviate(bad), path + "?" + name + "=" + bad, null, null));
                }
                drawn.add(new Case("query " + name + " twice", path + "?" + name + "=1&" + name + "=2", null, null));
            }
        }
        for (String name : pathValues.keySet()) {
            if (template.contains("{" + name + "}")) {
                for (String bad : BAD_PATH_VALUES) {
                    Map<String, String> values = new LinkedHashMap<>(pathValues);
                    values.put(name, bad);
                    always.add(new Case("path " + name + "=" + abbreviate(bad), fill(template, values) + query, null, null));
                }
            }
        }
        JsonNode schema = bodySchema(operation);
        if (schema != null && operation.path("requestBody").path("content").has("application/json")) {
            String base = path + query;
            JsonNode sample = sample(schema, 0);
            for (String body : NOT_OBJECTS) {
                always.add(new Case("body " + abbreviate(body), base, body, "application/json"));
            }
            always.add(new Case("no body", base, null, "application/json"));
            always.add(new Case("sample as text/plain", base, sample.toString(), "text/plain"));
            always.add(new Case("sample", base, sample.toString(), "application/json"));
            if (sample instanceof ObjectNode object) {
                ObjectNode unknown = object.deepCopy().put(UNKNOWN_PARAMETER, 1);
                always.add(new Case("unknown property", base, unknown.toString(), "application/json"));
                mutations(object, schema, "").forEach(mutation ->
                        drawn.add(new Case("body " + mutation.getKey(), base, mutation.getValue(), "application/json")));
            }
        }
        Collections.shuffle(drawn, random);
        List<Case> cases = new ArrayList<>(always);
        cases.addAll(drawn.subList(0, Math.max(0, Math.min(drawn.size(), budget - always.size()))));
        return cases;
    }

    /** Every property (and those of nested objects) replaced in turn by each hostile value. */
    private List<Map.Entry<String, String>> mutations(ObjectNode sample, JsonNode schema, String prefix) {
        List<Map.Entry<String, String>> mutations = new ArrayList<>();
        JsonNode properties = resolve(schema).path("properties");
        for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            for (JsonNode hostile : hostileValues()) {
                ObjectNode copy = sample.deepCopy();
                copy.set(name, hostile);
                mutations.add(Map.entry(prefix + name + "=" + abbreviate(hostile.toString()), copy.toString()));
            }
            JsonNode nested = sample.get(name);
            if (nested instanceof ObjectNode nestedObject) {
                for (Map.Entry<String, String> inner : mutations(nestedObject, properties.get(name), prefix + name + ".")) {
                    ObjectNode copy = sample.deepCopy();
                    copy.set(name, read(inner.getValue()));
                    mutations.add(Map.entry(inner.getKey(), copy.toString()));
                }
            }
        }
        return mutations;
    }

    private static List<JsonNode> hostileValues() {
        ArrayNode nullInArray = NODES.arrayNode().addNull();
        return List.of(NODES.nullNode(), NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1.5),
                NODES.numberNode(new java.math.BigInteger("99999999999999999999")), NODES.booleanNode(true),
                NODES.textNode(""), NODES.textNode("x"), NODES.textNode(HUGE), NODES.textNode("a\u0000b\r\nX-Injected: yes"),
                NODES.textNode("\ud800"), NODES.arrayNode(), nullInArray, NODES.objectNode(),
                NODES.objectNode().put(UNKNOWN_PARAMETER, 1));
    }

    /** A plausible value for a schema: its example, first enum value or default, else one of its type. */
    private JsonNode sample(JsonNode schema, int depth) {
        JsonNode s = resolve(schema);
        if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty()) {
            return s.get("examples").get(0);
        }
        for (String key : List.of("example", "default")) {
            if (s.has(key)) {
                return s.get(key);
            }
        }
        if (s.has("enum")) {
            return s.get("enum").get(0);
        }
        String type = type(s);
        return switch (type) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(property -> {
                        if (!resolve(property.getValue()).path("readOnly").asBoolean(false)) {
                            object.set(property.getKey(), sample(property.getValue(), depth + 1));
                        }
                    });
                }
                yield object;
            }
            case "array" -> NODES.arrayNode().add(sample(s.path("items"), depth + 1));
            case "integer" -> NODES.numberNode(s.has("minimum") ? s.get("minimum").asInt() : 1);
            case "number" -> NODES.numberNode(1.0);
            case "boolean" -> NODES.booleanNode(true);
            case "null" -> NODES.nullNode();
            default -> NODES.textNode("x");
        };
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            for (JsonNode option : type) {
                if (!"null".equals(option.asText())) {
                    return option.asText();
                }
            }
        }
        if (type != null) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    /** Follows a $ref, and takes the first option of a oneOf/anyOf that is not null. */
    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema == null ? NODES.objectNode() : schema;
        for (int hops = 0; hops < 10; hops++) {
            if (s.has("$ref")) {
                s = document.at(s.get("$ref").asText().substring(1));
            } else if (s.has("oneOf") || s.has("anyOf")) {
                JsonNode options = s.has("oneOf") ? s.get("oneOf") : s.get("anyOf");
                JsonNode chosen = options.get(0);
                for (JsonNode option : options) {
                    if (!"null".equals(option.path("type").asText())) {
                        chosen = option;
                        break;
                    }
                }
                s = chosen;
            } else {
                return s;
            }
        }
        return s;
    }

    private JsonNode bodySchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        return content.has("application/json") ? content.get("application/json").get("schema") : null;
    }

    private List<JsonNode> parameters(JsonNode operation) {
        List<JsonNode> parameters = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> parameters.add(resolve(parameter)));
        return parameters;
    }

    /** The query that a route's tests would send: each required query parameter with a plausible value. */
    private String goodQuery(JsonNode operation) {
        StringBuilder query = new StringBuilder();
        for (JsonNode parameter : parameters(operation)) {
            if ("query".equals(parameter.path("in").asText()) && parameter.path("required").asBoolean(false)) {
                query.append(query.isEmpty() ? "?" : "&").append(parameter.get("name").asText()).append('=')
                        .append(sample(parameter.path("schema"), 0).asText());
            }
        }
        return query.toString();
    }

    static String fill(String template, Map<String, String> values) {
        String path = template;
        for (Map.Entry<String, String> value : values.entrySet()) {
            path = path.replace("{" + value.getKey() + "}", value.getValue());
        }
        return path;
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...(" + text.length() + " chars)";
    }

    private static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
