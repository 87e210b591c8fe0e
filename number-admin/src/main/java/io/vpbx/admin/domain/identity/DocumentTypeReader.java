package io.vpbx.admin.domain.identity;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.vpbx.admin.domain.DataFields;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the document types of one jurisdiction from JSON:
 * <pre>
 * {"jurisdiction": "RU", "description": "...",
 *  "types": [{"code": "ru_internal_passport", "name": "...", "holderKind": "person",
 *             "format": "\\d{10}", "formatText": "10 digits",
 *             "normalisation": {"strip": " -", "upperCase": false}, "check": "none",
 *             "expiryRequired": false, "maxValidityYears": 10, "note": "why"}]}
 * </pre>
 * {@code maxValidityYears} and {@code note} are optional; {@code description} and {@code note} are
 * for people and not kept. Unknown fields, bad regexes, unknown holder kinds or check algorithms
 * are refused with IllegalArgumentException naming the type's code (or its position) and the field.
 */
public final class DocumentTypeReader {

    private static final Set<String> FILE_FIELDS = Set.of("jurisdiction", "description", "types");
    private static final Set<String> TYPE_FIELDS = Set.of("code", "name", "holderKind", "format", "formatText",
            "normalisation", "check", "expiryRequired", "maxValidityYears", "note");
    private static final Set<String> NORMALISATION_FIELDS = Set.of("strip", "upperCase");

    private final ObjectMapper json = new ObjectMapper();

    public List<DocumentType> read(InputStream in) {
        JsonNode root;
        try {
            root = json.readTree(in);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("document types are not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("document types must be a JSON object");
        }
        rejectUnknown(root, FILE_FIELDS, "document types");
        Jurisdiction jurisdiction = jurisdiction(DataFields.text(root, "jurisdiction", "document types"));
        JsonNode types = root.get("types");
        if (types == null || !types.isArray() || types.isEmpty()) {
            throw new IllegalArgumentException(jurisdiction + " document types: field 'types' must be a non-empty array");
        }
        List<DocumentType> read = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            read.add(type(jurisdiction, types.get(i), jurisdiction + " document type #" + (i + 1)));
        }
        return List.copyOf(read);
    }

    private static DocumentType type(Jurisdiction jurisdiction, JsonNode node, String position) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(position + " must be a JSON object");
        }
        String code = DataFields.text(node, "code", position);
        String where = jurisdiction + " document type '" + code + "'";
        rejectUnknown(node, TYPE_FIELDS, where);
        String name = DataFields.text(node, "name", where);
        HolderKind holderKind = wire(node, "holderKind", where, HolderKind::fromWire);
        Pattern format = format(node, where);
        String formatText = DataFields.text(node, "formatText", where);
        Normalisation normalisation = normalisation(node, where);
        CheckAlgorithm check = wire(node, "check", where, CheckAlgorithm::fromWire);
        boolean expiryRequired = bool(node, "expiryRequired", where);
        OptionalInt maxValidityYears = maxValidityYears(node, where);
        try {
            return new DocumentType(jurisdiction, code, name, holderKind, format, formatText, normalisation, check,
                    expiryRequired, maxValidityYears);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static <T> T wire(JsonNode node, String field, String where, Function<String, T> fromWire) {
        String name = DataFields.text(node, field, where);
        try {
            return fromWire.apply(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": field '" + field + "': " + e.getMessage(), e);
        }
    }

    private static Pattern format(JsonNode node, String where) {
        String regex = DataFields.text(node, "format", where);
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": field 'format' is not a valid regex: " + e.getDescription(), e);
        }
    }

    private static Normalisation normalisation(JsonNode node, String where) {
        JsonNode value = node.get("normalisation");
        if (value == null || !value.isObject()) {
            throw new IllegalArgumentException(where + ": field 'normalisation' must be an object");
        }
        String inner = where + " normalisation";
        rejectUnknown(value, NORMALISATION_FIELDS, inner);
        JsonNode strip = value.get("strip");
        if (strip == null || !strip.isTextual()) {
            throw new IllegalArgumentException(inner + ": field 'strip' must be a string of characters to remove");
        }
        return new Normalisation(strip.asText(), bool(value, "upperCase", inner));
    }

    private static OptionalInt maxValidityYears(JsonNode node, String where) {
        JsonNode value = node.get("maxValidityYears");
        if (value == null) {
            return OptionalInt.empty();
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 1) {
            throw new IllegalArgumentException(where + ": field 'maxValidityYears' must be a whole number of at least 1");
        }
        return OptionalInt.of(value.intValue());
    }

    private static Jurisdiction jurisdiction(String code) {
        for (Jurisdiction jurisdiction : Jurisdiction.values()) {
            if (jurisdiction.name().equals(code)) {
                return jurisdiction;
            }
        }
        throw new IllegalArgumentException("document types: field 'jurisdiction' must be one of "
                + Arrays.toString(Jurisdiction.values()) + ", got '" + code + "'");
    }

    private static boolean bool(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isBoolean()) {
            throw new IllegalArgumentException(where + ": field '" + field + "' must be true or false");
        }
        return value.booleanValue();
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
