package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vpbx.admin.domain.compliance.M2mDevice;
import io.vpbx.admin.service.compliance.M2mDeviceService;

/**
 * /v1/m2m-devices: an account's equipment that numbers may be bound to instead of a person.
 * PATCH is a JSON merge-patch: the fields present change (serial_number: null clears it); unknown fields are refused.
 */
final class M2mDeviceRoutes implements Routes {
    private final ResourceRoutes<M2mDevice, M2mDeviceService.Draft> resource;
    private final Exchange exchange;

    M2mDeviceRoutes(M2mDeviceService devices, Exchange exchange, Query query) {
        this.resource = new ResourceRoutes<>("/v1/m2m-devices", devices, M2mDeviceService.Draft.class, M2mDevice::id, this::view,
                exchange, query);
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        resource.mount(router);
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
