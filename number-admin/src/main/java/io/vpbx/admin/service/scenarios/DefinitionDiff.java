package io.vpbx.admin.service.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.service.audit.Changes;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The audit of a scenario change: the definitions compared field by field, each leaf named by its path
 * ({@code steps.main.options.1}, {@code steps.vm.recipients[0]}), only those that differ; a step added or removed
 * shows every one of its fields. {@code null} stands for "did not exist".
 */
final class DefinitionDiff {
    private DefinitionDiff() {
    }

    static List<FieldChange> of(JsonNode before, JsonNode after) {
        Map<String, JsonNode> b = leaves(before);
        Map<String, JsonNode> a = leaves(after);
        TreeSet<String> paths = new TreeSet<>(b.keySet());
        paths.addAll(a.keySet());
        Changes changes = new Changes();
        for (String path : paths) {
            changes.field(path, b.get(path), a.get(path));
        }
        return changes.list();
    }

    private static Map<String, JsonNode> leaves(JsonNode node) {
        Map<String, JsonNode> leaves = new TreeMap<>();
        if (node != null) {
            collect("", node, leaves);
        }
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, JsonNode> leaves) {
        if (node.isObject() && !node.isEmpty()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node);
        }
    }
}
