package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.voicemail.Voicemail;
import io.vpbx.admin.domain.voicemail.VoicemailQuery;
import io.vpbx.admin.service.NumberInputs;
import io.vpbx.admin.service.RequestContext;
import io.vpbx.admin.service.voicemail.VoicemailMail;
import io.vpbx.admin.service.voicemail.VoicemailService;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * /v1/voicemails: an account's voicemails, newest first, filtered by number, caller, time and new/heard; one message,
 * its recording as audio/wav, marking it heard ({"heard": true|false}), deleting it. Another account's message is 404.
 */
final class VoicemailRoutes implements Routes {
    private final VoicemailService voicemails;
    private final NumberInputs inputs;
    private final Exchange exchange;
    private final Query query;

    VoicemailRoutes(VoicemailService voicemails, NumberInputs inputs, Exchange exchange, Query query) {
        this.voicemails = voicemails;
        this.inputs = inputs;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.get("/v1/voicemails").handler(Query.takes("number", "caller", "from", "to", "state", "limit", "cursor"))
                .handler(this::list);
        router.get("/v1/voicemails/:id").handler(Query.takesNone()).handler(this::get);
        router.get("/v1/voicemails/:id/audio").handler(Query.takesNone()).handler(this::audio);
        router.patch("/v1/voicemails/:id").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/voicemails/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String number = query.text(rc, "number");
        VoicemailQuery filters = new VoicemailQuery(ctx.accountId(), number == null ? null : inputs.one("number", number),
                query.text(rc, "caller"), query.instant(rc, "from"), query.instant(rc, "to"), heard(query.text(rc, "state")),
                position(query.cursor(rc, 2)), limit);
        exchange.blocking(rc, 200, () -> {
            List<Voicemail> page = voicemails.list(ctx, filters);
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(message -> items.add(view(message)));
            Voicemail last = page.isEmpty() ? null : page.get(page.size() - 1);
            body.put("next_cursor", page.size() == limit ? Query.encodeCursor(last.startedAt().toString(), last.id()) : null);
            return body;
        });
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(voicemails.get(ctx, rc.pathParam("id"))));
    }

    private void audio(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.offLoop(() -> voicemails.audio(ctx, rc.pathParam("id")))
                .onSuccess(wav -> rc.response().setStatusCode(200).putHeader("Content-Type", VoicemailMail.CONTENT_TYPE)
                        .putHeader("Content-Disposition", "attachment; filename=\"voicemail-" + rc.pathParam("id") + ".wav\"")
                        .end(Buffer.buffer(wav)))
                .onFailure(rc::fail);
    }

    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            body.fieldNames().forEachRemaining(name -> {
                if (!name.equals("heard")) {
                    throw new InvalidFieldException(name, "is not a field of a voicemail that can change (heard)");
                }
            });
            JsonNode heard = body.get("heard");
            if (heard == null || !heard.isBoolean()) {
                throw new InvalidFieldException("heard", "must be true or false");
            }
            return view(voicemails.setHeard(ctx, rc.pathParam("id"), heard.booleanValue()));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            voicemails.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    /** state=new: not heard yet; state=heard: heard; absent: both. */
    private static Boolean heard(String state) {
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "new" -> false;
            case "heard" -> true;
            default -> throw new InvalidFieldException("state", "must be new or heard, got '" + state + "'");
        };
    }

    private static VoicemailQuery.Position position(String[] cursor) {
        if (cursor == null) {
            return null;
        }
        try {
            return new VoicemailQuery.Position(Instant.parse(cursor[0]), cursor[1]);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException("cursor", "is not a cursor returned by this API");
        }
    }

    private ObjectNode view(Voicemail v) {
        return exchange.mapper().createObjectNode()
                .put("id", v.id())
                .put("number", v.number())
                .put("caller", v.caller())
                .put("call_id", v.callId())
                .put("started_at", v.startedAt().toString())
                .put("duration_ms", v.length().toMillis())
                .put("heard", v.heard())
                .put("created_at", v.createdAt().toString())
                .put("audio", "/v1/voicemails/" + v.id() + "/audio");
    }
}
