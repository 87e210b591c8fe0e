package io.vpbx.admin.domain.compliance;

import io.vpbx.admin.domain.identity.HolderKind;
import io.vpbx.admin.domain.identity.Jurisdiction;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The person (an employee or a contractor) or organization that answers for a number. The identity
 * document is held only sealed ({@code documentSealed}), as a keyed fingerprint and as its last four
 * characters; {@code anonymizedAt} is set when the personal data was erased after the retention period.
 */
public record EndUser(String id, String accountId, HolderKind kind, Relation relation, Jurisdiction jurisdiction,
                      String fullName, LocalDate birthDate, String address, String contactPhone, String contactEmail,
                      String documentType, String documentSealed, String documentFingerprint, String documentLast4,
                      LocalDate documentExpiresOn, DocumentStatus documentStatus, String documentStatusReason,
                      String agentFullName, String agentDocumentType, String agentDocumentSealed, String agentDocumentLast4,
                      LocalDate agentDocumentExpiresOn,
                      String authorizationLetter, Instant createdAt, Instant updatedAt, Instant lastNumberReleasedAt,
                      Instant anonymizedAt) {

    /** How a person is tied to the business: the law treats employees and contractors alike. */
    public enum Relation {
        EMPLOYEE,
        CONTRACTOR
    }

    public EndUser withDocumentStatus(DocumentStatus status, String reason, Instant at) {
        return new EndUser(id, accountId, kind, relation, jurisdiction, fullName, birthDate, address, contactPhone, contactEmail,
                documentType, documentSealed, documentFingerprint, documentLast4, documentExpiresOn, status, reason,
                agentFullName, agentDocumentType, agentDocumentSealed, agentDocumentLast4, agentDocumentExpiresOn, authorizationLetter, createdAt, at,
                lastNumberReleasedAt, anonymizedAt);
    }

    public EndUser withLastNumberReleasedAt(Instant at) {
        return new EndUser(id, accountId, kind, relation, jurisdiction, fullName, birthDate, address, contactPhone, contactEmail,
                documentType, documentSealed, documentFingerprint, documentLast4, documentExpiresOn, documentStatus,
                documentStatusReason, agentFullName, agentDocumentType, agentDocumentSealed, agentDocumentLast4, agentDocumentExpiresOn,
                authorizationLetter, createdAt, updatedAt, at, anonymizedAt);
    }

    /** The same documents sealed anew (key rotation): the plain numbers, fingerprints and masks do not change. */
    public EndUser withSealed(String newDocumentSealed, String newAgentDocumentSealed) {
        return new EndUser(id, accountId, kind, relation, jurisdiction, fullName, birthDate, address, contactPhone, contactEmail,
                documentType, newDocumentSealed, documentFingerprint, documentLast4, documentExpiresOn, documentStatus,
                documentStatusReason, agentFullName, agentDocumentType, newAgentDocumentSealed, agentDocumentLast4, agentDocumentExpiresOn,
                authorizationLetter, createdAt, updatedAt, lastNumberReleasedAt, anonymizedAt);
    }

    /** The same record with every piece of personal data replaced; the id and the facts of its history stay. */
    public EndUser anonymized(Instant at) {
        return new EndUser(id, accountId, kind, relation, jurisdiction, "anonymized", null, null, null, null, documentType,
                "erased", "erased-" + id, "****", null, documentStatus, null, null, null, null, null, null, null, createdAt, at,
                lastNumberReleasedAt, at);
    }
}
