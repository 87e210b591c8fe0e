package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.service.M2mDeviceService;
import io.vpbx.admin.service.Patch;
import io.vpbx.admin.service.RequestContext;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** /v1/m2m-devices: an account's equipment that numbers may be bound to instead of a person. */
final class M2mDeviceRoutes implements Routes {
    private final M2mDeviceService devices;
    private final Exchange exchange;
    private final Query query;

    M2mDeviceRoutes(M2mDeviceService devices, Exchange exchange, Query query) {
        this.devices = devices;
        this.exchange = exchange;
        this.query = query;
    }

    @Override
    public void mount(Router router) {
        router.post("/v1/m2m-devices").handler(Query.takesNone()).handler(this::create);
        router.get("/v1/m2m-devices").handler(Query.takes("limit", "cursor")).handler(this::list);
        router.get("/v1/m2m-devices/:id").handler(Query.takesNone()).handler(this::get);
        router.patch("/v1/m2m-devices/:id").handler(Query.takesNone()).handler(this::update);
        router.delete("/v1/m2m-devices/:id").handler(Query.takesNone()).handler(this::delete);
    }

    private void create(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 201, () -> view(devices.create(ctx, exchange.body(rc, M2mDeviceService.Draft.class))));
    }

    private void list(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        int limit = query.limit(rc);
        String[] cursor = query.cursor(rc, 1);
        exchange.blocking(rc, 200, () -> {
            List<M2mDevice> page = devices.list(ctx, cursor == null ? null : cursor[0], limit);
            ObjectNode body = exchange.mapper().createObjectNode();
            ArrayNode items = body.putArray("items");
            page.forEach(device -> items.add(view(device)));
            body.put("next_cursor", page.size() == limit ? Query.encodeCursor(page.get(page.size() - 1).id()) : null);
            return body;
        });
    }

    private void get(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> view(devices.get(ctx, rc.pathParam("id"))));
    }

    /** JSON merge-patch: the fields present change (serial_number: null clears it); unknown fields are refused. */
    private void update(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 200, () -> {
            JsonNode body = exchange.bodyTree(rc);
            M2mDeviceService.Draft values = exchange.mapper().treeToValue(body, M2mDeviceService.Draft.class);
            Set<String> fields = new HashSet<>();
            body.fieldNames().forEachRemaining(fields::add);
            return view(devices.update(ctx, rc.pathParam("id"), new Patch<>(fields, values)));
        });
    }

    private void delete(RoutingContext rc) {
        RequestContext ctx = exchange.context(rc);
        exchange.blocking(rc, 204, () -> {
            devices.delete(ctx, rc.pathParam("id"));
            return null;
        });
    }

    private ObjectNode view(M2mDevice device) {
        return exchange.mapper().createObjectNode()
                .put("id", device.id())
                .put("type", device.type().wireName())
                .put("model", device.model())
                .put("serial_number", device.serialNumber())
                .put("imei", device.imei())
                .put("installation_address", device.installationAddress())
                .put("created_at", device.createdAt().toString())
                .put("updated_at", device.updatedAt().toString());
    }
}
