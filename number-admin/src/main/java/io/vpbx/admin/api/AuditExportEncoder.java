package io.vpbx.admin.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vpbx.admin.domain.InvalidFieldException;
import io.vpbx.admin.domain.audit.AuditChainEntry;

/** Turns exported audit entries into the bytes of one export format, entry by entry. */
interface AuditExportEncoder {
    /** The columns of an export, in order; the hash covers the same fields (see AuditHasher). */
    String[] COLUMNS = {"id", "at", "account_id", "actor", "source_ip", "request_id", "action", "resource_type",
            "resource_id", "changes", "prev_hash", "entry_hash"};

    String contentType();

    String fileExtension();

    String start();

    String entry(AuditChainEntry entry, boolean first);

    String end();

    /** The encoder for the {@code format} query parameter. */
    static AuditExportEncoder named(String format, ObjectMapper mapper) {
        if (format == null || format.equals("csv")) {
            return new AuditCsvEncoder();
        }
        if (format.equals("json")) {
            return new AuditJsonEncoder(mapper);
        }
        throw new InvalidFieldException("format", "must be csv or json, got '" + format + "'");
    }
}
