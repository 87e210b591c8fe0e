package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.cdr.CallRecordQuery;
import io.vpbx.admin.service.calls.CallRecordJson;
import io.vpbx.admin.service.calls.CallRecordSearch;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.telephony.cdr.CallRecord;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** /v1/cdrs: call detail records, newest first, with filters; an account reads its own. */
final class CallRecordRoutes implements Routes {
    private final CallRecordSearch search;
    private final NumberInputs inputs;
    private final Exchange exchange;
    private final Query query;

    CallRecordRoutes(CallRecordSearch search, NumberInputs inputs, Exchange exchange, Query query) {
        this.search = search;
        this.inputs = inputs;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/cdrs").handler(Query.takes("account_id", "from", "to", "number", "direction", "result", "caller",
                "limit", "cursor")).handler(this::list);
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String number = query.text(rc, "number");
        CallRecordQuery filters = new CallRecordQuery(query.text(rc, "account_id"), query.instant(rc, "from"),
                query.instant(rc, "to"), number == null ? null : inputs.one("number", number),
                choice(rc, "direction", CallRecord.Direction.class), choice(rc, "result", CallRecord.Result.class),
                query.text(rc, "caller"), position(query.cursor(rc, 2)), limit);
        exchange.blocking(rc, 200, () -> PageBody.of(exchange.mapper(), search.search(ctx, filters), limit,
                stored -> view(stored.record()), stored -> cursor(stored.position())));
    }

    private <E extends Enum<E>> E choice(RoutingContext rc, String name, Class<E> type) {
        String value = query.text(rc, name);
        if (value == null) {
            return null;
        }
        for (E option : type.getEnumConstants()) {
            if (tag(option).equals(value)) {
                return option;
            }
        }
        String options = Arrays.stream(type.getEnumConstants()).map(CallRecordRoutes::tag).collect(Collectors.joining(", "));
        throw new InvalidFieldException(name, "must be one of " + options + ", got '" + value + "'");
    }

    private static String cursor(CallRecordQuery.Position position) {
        return Query.encodeCursor(position.startedAt().toString(), Long.toString(position.id()));
    }

    private static CallRecordQuery.Position position(String[] cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new CallRecordQuery.Position(Instant.parse(cursor[0]), Long.parseLong(cursor[1]));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new InvalidFieldException("cursor", "is not a cursor returned by this API");
        }
    }

    private ObjectNode view(CallRecord r) {
        return CallRecordJson.of(r);
    }

    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
