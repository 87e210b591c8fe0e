package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.forwarding.ForwardingCodec;
import io.vpbx.admin.domain.inventory.NumberRecord;
import io.vpbx.admin.domain.lifecycle.CallPermissions;
import io.vpbx.admin.domain.lifecycle.CallPolicy;
import io.vpbx.admin.domain.number.PhoneNumber;
import io.vpbx.admin.domain.number.PhoneNumberParser;
import io.vpbx.admin.domain.price.Price;
import java.time.Instant;

/** How a number looks in API answers: what it is and costs; for its holder also its state and settings. */
public final class NumberViews {
    private final ObjectMapper mapper;
    private final PhoneNumberParser parser;
    private final ForwardingCodec codec;
    private final CallPolicy policy = new CallPolicy();

    public NumberViews(ObjectMapper mapper, PhoneNumberParser parser, ForwardingCodec codec) {
        this.mapper = mapper;
        this.parser = parser;
        this.codec = codec;
    }

    public ObjectNode catalogEntry(NumberRecord r) {
        PhoneNumber number = parser.parse(r.e164());
        ObjectNode node = mapper.createObjectNode()
                .put("number", r.e164())
                .put("international", number.international())
                .put("national", number.national())
                .put("country", r.country().name())
                .put("type", r.type().wireName())
                .put("region", r.region())
                .put("category", r.category().wireName())
                .put("rule_set_version", r.ruleSetVersion());
        r.reasons().forEach(node.putArray("category_reasons")::add);
        node.set("price", price(r.price()));
        return node;
    }

    public ObjectNode owned(NumberRecord r) {
        ObjectNode node = catalogEntry(r).put("state", r.state().wireName());
        putInstant(node, "reserved_until", r.reservedUntil());
        putInstant(node, "purchased_at", r.purchasedAt());
        putInstant(node, "quarantine_until", r.quarantineUntil());
        putInstant(node, "state_changed_at", r.stateChangedAt());
        node.put("comment", r.comment());
        node.set("forwarding", r.forwarding() == null ? null : codec.write(r.forwarding()));
        node.set("fallback", r.fallback() == null ? null : codec.write(r.fallback()));
        node.put("suspension", r.suspension().wireName());
        node.put("suspension_reason", r.suspensionReason());
        putInstant(node, "suspended_at", r.suspendedAt());
        if (r.complaintStop() == null) {
            node.putNull("complaint_stop");
        } else {
            node.putObject("complaint_stop")
                    .put("ground", r.complaintStop().ground().wireName())
                    .put("reason", r.complaintStop().reason())
                    .put("reference", r.complaintStop().reference())
                    .put("stopped_at", r.complaintStop().stoppedAt().toString());
        }
        CallPermissions permissions = policy.permissions(r.state(), r.suspension(), r.complaintStop(), r.country(), r.type());
        node.putObject("permissions")
                .put("inbound", permissions.inbound())
                .put("outbound", permissions.outbound())
                .put("reason", permissions.reason());
        return node;
    }

    private ObjectNode price(Price price) {
        return mapper.createObjectNode()
                .put("connection_fee", price.connectionFee().amount().toPlainString())
                .put("monthly_fee", price.monthlyFee().amount().toPlainString())
                .put("currency", price.monthlyFee().currency());
    }

    private static void putInstant(ObjectNode node, String field, Instant value) {
        node.put(field, value == null ? null : value.toString());
    }
}
