package io.vpbx.admin.domain.category;

import io.vpbx.admin.domain.WireName;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.admin.domain.DataFields;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.number.Country;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@link CategoryRuleSet} from JSON:
 * <pre>
 * {"country": "RU", "version": "RU-2026.1", "subscriberDigits": 7, "description": "...",
 *  "rules": [{"id": "tail-7", "group": "tail", "kind": "trailing_identical", "params": {"length": 7},
 *             "grants": "diamond", "reason": "{length} identical digits at the end", "note": "why"}]}
 * </pre>
 * A rule has either {@code grants} (a category) or {@code lowers} (penalty steps); {@code group}
 * defaults to the rule id; {@code description} and {@code note} are for people and not kept. Unknown fields,
 * unknown kinds and missing params are refused with IllegalArgumentException naming the rule id
 * (or its position) and the field.
 */
public final class CategoryRuleSetReader {

    private static final Set<String> SET_FIELDS = Set.of("country", "version", "subscriberDigits", "description", "rules");
    private static final Set<String> RULE_FIELDS = Set.of("id", "group", "kind", "params", "grants", "lowers", "reason", "note");

    private final ObjectMapper json = new ObjectMapper();

    public CategoryRuleSet read(InputStream in) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("category rule set is not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("category rule set must be a JSON object");
        }
        rejectUnknown(root, SET_FIELDS, "rule set");
        Country country = country(DataFields.text(root, "country", "rule set"));
        String version = DataFields.text(root, "version", "rule set");
        int digits = integer(root, "subscriberDigits", "rule set " + version);
        JsonNode rules = root.get("rules");
        if (rules == null || !rules.isArray()) {
            throw new IllegalArgumentException("rule set " + version + ": field 'rules' must be an array");
        }
        List<CategoryRule> read = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            read.add(rule(rules.get(i), i + 1));
        }
        return new CategoryRuleSet(country, version, digits, read);
    }

    private static CategoryRule rule(JsonNode node, int position) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("rule #" + position + " must be a JSON object");
        }
        String id = DataFields.text(node, "id", "rule #" + position);
        String where = "rule '" + id + "'";
        rejectUnknown(node, RULE_FIELDS, where);
        String group = node.has("group") ? DataFields.text(node, "group", where) : id;
        PatternKind kind;
        try {
            kind = PatternKind.fromWire(DataFields.text(node, "kind", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field 'kind': " + e.getMessage() + ", expected one of "
                    + WireName.all(PatternKind.class), e);
        }
        return new CategoryRule(id, group, kind, params(node, where), effect(node, where), DataFields.text(node, "reason", where));
    }

    private static Map<String, String> params(JsonNode rule, String where) {
        JsonNode params = rule.get("params");
        if (params == null) {
            return Map.of();
        }
        if (!params.isObject()) {
            throw new IllegalArgumentException(where + ": field 'params' must be an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> param : params.properties()) {
            if (!param.getValue().isValueNode() || param.getValue().isNull()) {
                throw new IllegalArgumentException(where + ": param '" + param.getKey() + "' must be a number or a string");
            }
            values.put(param.getKey(), param.getValue().asText());
        }
        return values;
    }

    private static RuleEffect effect(JsonNode rule, String where) {
        boolean grants = rule.has("grants");
        boolean lowers = rule.has("lowers");
        if (grants == lowers) {
            throw new IllegalArgumentException(where + ": give exactly one of the fields 'grants' and 'lowers'");
        }
        try {
            return grants
                    ? new RuleEffect.Grant(NumberCategory.fromWire(DataFields.text(rule, "grants", where)))
                    : new RuleEffect.Penalty(integer(rule, "lowers", where));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field '" + (grants ? "grants" : "lowers") + "': "
                    + e.getMessage(), e);
        }
    }

    private static Country country(String code) {
        for (Country country : Country.values()) {
            if (country.name().equalsIgnoreCase(code)) {
                return country;
            }
        }
        throw new IllegalArgumentException("rule set: field 'country' must be one of "
                + Arrays.toString(Country.values()) + ", got '" + code + "'");
    }

    private static int integer(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a whole number");
        }
        return value.intValue();
    }

    private static void rejectUnknown(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(where + ": unknown field '" + name + "'");
            }
        }
    }
}
