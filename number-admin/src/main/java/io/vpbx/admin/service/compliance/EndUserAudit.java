package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.audit.FieldChange;
import io.vpbx.admin.domain.compliance.EndUser;
import io.vpbx.admin.domain.compliance.EndUserFields;
import io.vpbx.admin.service.audit.Changes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the audit log says about a change of an end user. Document numbers appear masked only; personal
 * data appears only as "changed", never by value, so that the append-only audit log holds nothing that
 * must be erased when the end user is anonymized after the retention period.
 */
final class EndUserAudit {
    /** The audit's stand-in for personal data: whether it changed, never what it is. */
    static final String PERSONAL_DATA_CHANGED = "changed";
    private static final List<String> AUDITED_FIELDS = List.of("kind", "relation", "jurisdiction", "full_name", "birth_date",
            "address", "contact_phone", "contact_email", "document.type", "document.number", "document.expires_on",
            "document.status", "document.status_reason", "agent.full_name", "agent.document.type", "agent.document.number",
            "authorization_letter");
    private static final Set<String> PERSONAL_FIELDS = Set.of("full_name", "birth_date", "address", "contact_phone",
            "contact_email", "agent.full_name");

    private EndUserAudit() {
    }

    /**
     * The field-level audit of a change; {@code null} stands for "did not exist". Document numbers appear masked
     * only, personal data only as "changed".
     */
    static List<FieldChange> changes(EndUser b, EndUser a) {
        Map<String, String> before = audited(b);
        Map<String, String> after = audited(a);
        if (b != null && a != null) {
            markReplaced(after, "document.number", before, !b.documentFingerprint().equals(a.documentFingerprint()));
            markReplaced(after, "agent.document.number", before, !Objects.equals(b.agentDocumentSealed(), a.agentDocumentSealed()));
        }
        Changes changes = new Changes();
        for (String field : AUDITED_FIELDS) {
            if (!PERSONAL_FIELDS.contains(field)) {
                changes.field(field, before.get(field), after.get(field));
            } else if (!Objects.equals(before.get(field), after.get(field))) {
                changes.field(field, null, PERSONAL_DATA_CHANGED);
            }
        }
        return changes.list();
    }

    /** An end user as the audit sees it, by field; empty for none. */
    private static Map<String, String> audited(EndUser u) {
        Map<String, String> fields = new HashMap<>();
        if (u == null) {
            return fields;
        }
        fields.put("kind", u.kind().wireName());
        fields.put("relation", u.relation() == null ? null : EndUserFields.wireName(u.relation()));
        fields.put("jurisdiction", u.jurisdiction().name());
        fields.put("full_name", u.fullName());
        fields.put("birth_date", text(u.birthDate()));
        fields.put("address", u.address());
        fields.put("contact_phone", u.contactPhone());
        fields.put("contact_email", u.contactEmail());
        fields.put("document.type", u.documentType());
        fields.put("document.number", IdentityDocuments.masked(u.documentLast4()));
        fields.put("document.expires_on", text(u.documentExpiresOn()));
        fields.put("document.status", u.documentStatus().wireName());
        fields.put("document.status_reason", u.documentStatusReason());
        fields.put("agent.full_name", u.agentFullName());
        fields.put("agent.document.type", u.agentDocumentType());
        fields.put("agent.document.number", IdentityDocuments.masked(u.agentDocumentLast4()));
        fields.put("authorization_letter", u.authorizationLetter());
        return fields;
    }

    /** A new number with the same last four characters as the old one would not show in the audit; this marks it. */
    private static void markReplaced(Map<String, String> after, String field, Map<String, String> before, boolean replaced) {
        String masked = after.get(field);
        if (replaced && masked != null && masked.equals(before.get(field))) {
            after.put(field, masked + " (replaced)");
        }
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
