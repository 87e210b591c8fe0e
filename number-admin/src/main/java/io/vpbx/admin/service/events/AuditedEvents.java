package io.vpbx.admin.service.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.audit.AuditEvent;
import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.event.EventType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which events an audited change is, decided from the audit entry alone (pure): a number whose {@code state} field
 * changed is {@code number.state_changed}; a number whose suspension changed, or whose state entered or left
 * {@code active} (the one state that carries calls), is {@code number.permissions_changed}; any change of a registry
 * request is {@code registry_request.changed}. An entry without an account (the operator's catalogue) is none.
 * Each event's data names the resource, the audited action and the fields that changed, before and after.
 */
public final class AuditedEvents {
    private static final String ACTIVE = "active";

    public List<NewEvent> of(AuditEvent entry) {
        if (entry.accountId() == null) {
            return List.of();
        }
        Map<String, FieldChange> changes = entry.changes().stream()
                .collect(Collectors.toMap(FieldChange::field, Function.identity(), (a, b) -> b, LinkedHashMap::new));
        List<NewEvent> events = new ArrayList<>();
        switch (entry.resourceType()) {
            case "number" -> {
                Optional<FieldChange> state = Optional.ofNullable(changes.get("state"));
                if (state.isPresent()) {
                    events.add(event(entry, EventType.NUMBER_STATE_CHANGED, "number", changes));
                }
                boolean activeChanged = state.filter(c -> ACTIVE.equals(text(c.before())) != ACTIVE.equals(text(c.after())))
                        .isPresent();
                if (activeChanged || changes.containsKey("suspension")) {
                    events.add(event(entry, EventType.NUMBER_PERMISSIONS_CHANGED, "number", changes));
                }
            }
            case "registry_request" -> events.add(event(entry, EventType.REGISTRY_REQUEST_CHANGED, "id", changes));
            default -> { }
        }
        return events;
    }

    private static NewEvent event(AuditEvent entry, EventType type, String idField, Map<String, FieldChange> changes) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.put(idField, entry.resourceId());
        data.put("action", entry.action());
        ObjectNode fields = data.putObject("changes");
        changes.values().forEach(change -> fields.putObject(change.field()).<ObjectNode>set("before", change.before())
                .set("after", change.after()));
        return new NewEvent(entry.accountId(), type, entry.at(), data);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
