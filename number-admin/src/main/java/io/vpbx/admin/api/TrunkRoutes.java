package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.ext.web.Router;
import io.vpbx.admin.domain.trunk.Trunk;
import io.vpbx.admin.service.calls.TrunkService;

/**
 * /v1/trunks: the operator's carrier trunks, each known to the SIP core by its source addresses.
 * PATCH is a JSON merge-patch: the fields present change (account_id or outbound_uri null clears); source_addresses replace the list.
 */
final class TrunkRoutes implements Routes {
    private final ResourceRoutes<Trunk, TrunkService.Draft> resource;
    private final Exchange exchange;

    TrunkRoutes(TrunkService trunks, Exchange exchange, Query query) {
        this.resource = new ResourceRoutes<>("/v1/trunks", trunks, TrunkService.Draft.class, Trunk::id, this::view,
                exchange, query);
        this.exchange = exchange;
    }

    @Override
    public void mount(Router router) {
        resource.mount(router);
    }

    private ObjectNode view(Trunk trunk) {
        ObjectNode node = exchange.mapper().createObjectNode()
                .put("id", trunk.id())
                .put("name", trunk.name());
        ArrayNode addresses = node.putArray("source_addresses");
        trunk.sourceAddresses().forEach(address -> addresses.add(address.value()));
        return node.put("account_id", trunk.accountId())
                .put("outbound_uri", trunk.outboundUri())
                .put("enabled", trunk.enabled())
                .put("created_at", trunk.createdAt().toString())
                .put("updated_at", trunk.updatedAt().toString());
    }
}
