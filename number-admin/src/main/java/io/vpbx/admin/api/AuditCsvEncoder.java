package io.vpbx.admin.api;

import io.vpbx.admin.domain.audit.AuditChainEntry;
import io.vpbx.admin.domain.audit.AuditHasher;

/**
 * Audit entries as RFC 4180 CSV: a header line, CRLF line ends, and a field quoted (its quotes
 * doubled) when it holds a comma, a quote or a line break. The changes column is the JSON text exactly
 * as hashed; an absent value (no account, no links) is an empty field.
 */
final class AuditCsvEncoder implements AuditExportEncoder {
    private static final String CRLF = "\r\n";

    @Override
    public String contentType() {
        return "text/csv; charset=utf-8";
    }

    @Override
    public String fileExtension() {
        return "csv";
    }

    @Override
    public String start() {
        return String.join(",", COLUMNS) + CRLF;
    }

    @Override
    public String entry(AuditChainEntry e, boolean first) {
        StringBuilder line = new StringBuilder();
        String[] fields = {Long.toString(e.id()), AuditHasher.format(e.at()), e.accountId(), e.actor(), e.sourceIp(),
                e.requestId(), e.action(), e.resourceType(), e.resourceId(), e.changes(), e.prevHash(), e.entryHash()};
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(quoted(fields[i]));
        }
        return line.append(CRLF).toString();
    }

    @Override
    public String end() {
        return "";
    }

    static String quoted(String value) {
        if (value == null) {
            return "";
        }
        boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return needsQuotes ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
