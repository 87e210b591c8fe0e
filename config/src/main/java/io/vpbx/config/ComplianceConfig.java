package io.vpbx.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Compliance: keys for identity documents at rest, the registry confirmation deadline, the suspension
 * period, personal-data retention, the per-document number quotas, and the document files (the largest accepted, the
 * jurisdictions whose bindings need them on file). Keys are never shown by toString.
 */
public record ComplianceConfig(Optional<String> documentKeys, Optional<String> fingerprintKey, Duration confirmationDeadline,
        Duration fullStopAfter, Duration personalDataRetention, int cnMaxPostpaidPerDocument, int cnMaxPrepaidPerDocument,
        int ruMaxNumbersPerDocument, long maxDocumentFileBytes, Set<String> documentFilesRequired) {

    public ComplianceConfig {
        Objects.requireNonNull(documentKeys, "compliance.document-keys");
        Objects.requireNonNull(fingerprintKey, "compliance.fingerprint-key");
        Objects.requireNonNull(confirmationDeadline, "compliance.confirmation-deadline");
        Objects.requireNonNull(fullStopAfter, "compliance.full-stop-after");
        Objects.requireNonNull(personalDataRetention, "compliance.personal-data-retention");
        documentFilesRequired = Set.copyOf(Objects.requireNonNull(documentFilesRequired, "compliance.document-files-required"));
    }

    @Override
    public String toString() {
        return "ComplianceConfig[documentKeys=" + (documentKeys.isPresent() ? SecretMask.MASK : "generated")
                + ", fingerprintKey=" + (fingerprintKey.isPresent() ? SecretMask.MASK : "generated")
                + ", confirmationDeadline=" + confirmationDeadline + ", fullStopAfter=" + fullStopAfter
                + ", personalDataRetention=" + personalDataRetention + ", cnMaxPostpaidPerDocument=" + cnMaxPostpaidPerDocument
                + ", cnMaxPrepaidPerDocument=" + cnMaxPrepaidPerDocument + ", ruMaxNumbersPerDocument=" + ruMaxNumbersPerDocument
                + ", maxDocumentFileBytes=" + maxDocumentFileBytes + ", documentFilesRequired=" + documentFilesRequired + "]";
    }
}
