package io.vpbx.admin.domain.audit;

import com.fasterxml.jackson.databind.JsonNode;

/** One field's value before and after a change (JSON null where it did not exist). */
public record FieldChange(String field, JsonNode before, JsonNode after) {
}
