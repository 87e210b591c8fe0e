package io.vpbx.admin.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.InvalidFieldException;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a request body the one way the API takes it: a single JSON object, sent as {@code application/json}
 * in UTF-8, with nothing after it, no key given twice, no lone UTF-16 surrogate, and arrays and nesting
 * within their limits. Builds the tree itself while checking, so each refusal names the field in the
 * request's own terms ({@code set.forwarding.target.uris[1]}); the body's size was bounded before it got here.
 */
final class JsonBodyReader {
    private static final String MEDIA_TYPE = "application/json";

    private final JsonFactory factory;
    private final JsonNodeFactory nodes;
    private final int maxArrayItems;
    private final int maxDepth;

    JsonBodyReader(JsonFactory factory, JsonNodeFactory nodes, int maxArrayItems, int maxDepth) {
        this.factory = factory;
        this.nodes = nodes;
        this.maxArrayItems = maxArrayItems;
        this.maxDepth = maxDepth;
    }

    /** The body as an object; {@code contentType} is the request's header, {@code body} null when none came. */
    ObjectNode read(String contentType, byte[] body) throws IOException {
        requireJson(contentType);
        if (body == null || isBlank(body)) {
            throw ApiException.badRequest("body", "a JSON object is required as the body");
        }
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.badRequest("body", "the body must be a JSON object");
            }
            ObjectNode root = object(parser, "", 1);
            if (parser.nextToken() != null) {
                throw ApiException.badRequest("body", "the body holds more than one JSON value; nothing may follow the object");
            }
            return root;
        }
    }

    /** {@code application/json}, any case, optionally with {@code charset=utf-8}: RFC 8259 allows no other encoding. */
    private static void requireJson(String contentType) {
        String[] parts = contentType == null ? new String[] {""} : contentType.split(";");
        boolean json = parts[0].trim().equalsIgnoreCase(MEDIA_TYPE);
        for (int i = 1; i < parts.length && json; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter[0].trim().equalsIgnoreCase("charset")) {
                String charset = parameter.length < 2 ? "" : parameter[1].trim().replace("\"", "");
                json = charset.toLowerCase(Locale.ROOT).equals("utf-8");
            }
        }
        if (!json) {
            throw new ApiException(415, "Content-Type", "the body must be sent as Content-Type: application/json (UTF-8)", 0);
        }
    }

    private ObjectNode object(JsonParser parser, String path, int depth) throws IOException {
        requireDepth(depth);
        ObjectNode object = nodes.objectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            if (hasLoneSurrogate(name)) {
                throw new InvalidFieldException(path.isEmpty() ? "body" : path,
                        "a field name holds a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)");
            }
            String field = path.isEmpty() ? name : path + "." + name;
            if (object.has(name)) {
                throw new InvalidFieldException(field, "is given more than once");
            }
            parser.nextToken();
            object.set(name, value(parser, field, depth));
        }
        return object;
    }

    private ArrayNode array(JsonParser parser, String path, int depth) throws IOException {
        requireDepth(depth);
        ArrayNode array = nodes.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (array.size() == maxArrayItems) {
                throw new InvalidFieldException(path, "holds more than " + maxArrayItems + " items");
            }
            array.add(value(parser, path + "[" + array.size() + "]", depth));
        }
        return array;
    }

    private JsonNode value(JsonParser parser, String field, int depth) throws IOException {
        return switch (parser.currentToken()) {
            case START_OBJECT -> object(parser, field, depth + 1);
            case START_ARRAY -> array(parser, field, depth + 1);
            case VALUE_STRING -> {
                String text = parser.getText();
                if (hasLoneSurrogate(text)) {
                    throw new InvalidFieldException(field, "holds a lone UTF-16 surrogate (\\ud800-\\udfff without its pair)");
                }
                yield nodes.textNode(text);
            }
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            default -> throw ApiException.badRequest("body", "the body is not valid JSON");
        };
    }

    private void requireDepth(int depth) {
        if (depth > maxDepth) {
            throw ApiException.badRequest("body", "the body nests objects and arrays deeper than " + maxDepth + " levels");
        }
    }

    static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }
}
