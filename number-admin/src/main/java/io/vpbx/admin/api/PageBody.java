package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * The body every listing answers with: {@code items}, each shown by the resource's view, and {@code next_cursor},
 * the cursor after the last item when the page came back full (there may be more), null when it did not.
 */
final class PageBody {
    private PageBody() {
    }

    /** A page of at most {@code limit} items; {@code cursorAfter} encodes where the next page starts after an item. */
    static <T> ObjectNode of(ObjectMapper mapper, List<T> page, int limit, Function<T, ? extends JsonNode> view,
                             Function<T, String> cursorAfter) {
        ObjectNode body = items(mapper, page, view);
        body.put("next_cursor", page.size() == limit ? cursorAfter.apply(page.get(page.size() - 1)) : null);
        return body;
    }

    /** A listing that is not paged (a number's consents, the caller's keys): the items only. */
    static <T> ObjectNode items(ObjectMapper mapper, List<T> all, Function<T, ? extends JsonNode> view) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode items = body.putArray("items");
        all.forEach(item -> items.add(view.apply(item)));
        return body;
    }
}
