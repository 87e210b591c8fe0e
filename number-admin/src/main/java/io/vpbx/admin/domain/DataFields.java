package io.vpbx.admin.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** Field reading shared by the readers of bundled rule data (categories, document types): errors name the entry and field. */
public final class DataFields {
    private DataFields() {
    }

    /** A required, non-blank string field. */
    public static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' is missing");
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be a non-blank string");
        }
        return value.asText();
    }
}
