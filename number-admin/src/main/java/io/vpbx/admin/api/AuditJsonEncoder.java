package io.vpbx.admin.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.domain.audit.AuditHasher;

/**
 * Audit entries as one JSON array of objects with the export columns. {@code changes} is the stored
 * JSON array as JSON (as a string only if what is stored is not JSON, which only tampering can cause);
 * its exact hashed text is the CSV export's changes column.
 */
final class AuditJsonEncoder implements AuditExportEncoder {
    private final ObjectMapper mapper;

    AuditJsonEncoder(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String contentType() {
        return "application/json";
    }

    @Override
    public String fileExtension() {
        return "json";
    }

    @Override
    public String start() {
        return "[";
    }

    @Override
    public String entry(AuditChainEntry e, boolean first) {
        ObjectNode node = mapper.createObjectNode()
                .put("id", e.id())
                .put("at", AuditHasher.format(e.at()))
                .put("account_id", e.accountId())
                .put("actor", e.actor())
                .put("source_ip", e.sourceIp())
                .put("request_id", e.requestId())
                .put("action", e.action())
                .put("resource_type", e.resourceType())
                .put("resource_id", e.resourceId());
        node.set("changes", changes(e.changes()));
        node.put("prev_hash", e.prevHash()).put("entry_hash", e.entryHash());
        return (first ? "\n" : ",\n") + node;
    }

    @Override
    public String end() {
        return "\n]\n";
    }

    private JsonNode changes(String text) {
        try {
            return mapper.readTree(text);
        } catch (JsonProcessingException e) {
            return mapper.getNodeFactory().textNode(text);
        }
    }
}
