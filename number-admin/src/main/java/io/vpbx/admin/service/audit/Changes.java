package io.vpbx.admin.service.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import io.vpbx.admin.domain.audit.FieldChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Collects field-level before/after pairs, keeping only the fields that really changed. */
public final class Changes {
    private final List<FieldChange> changes = new ArrayList<>();

    public Changes field(String name, JsonNode before, JsonNode after) {
        JsonNode b = before == null ? NullNode.instance : before;
        JsonNode a = after == null ? NullNode.instance : after;
        if (!Objects.equals(b, a)) {
            changes.add(new FieldChange(name, b, a));
        }
        return this;
    }

    public Changes field(String name, String before, String after) {
        return field(name, text(before), text(after));
    }

    public List<FieldChange> list() {
        return List.copyOf(changes);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    private static JsonNode text(String value) {
        return value == null ? NullNode.instance : JsonNodeFactory.instance.textNode(value);
    }
}
