package io.vpbx.admin.domain.compliance;

/**
 * The state registry of numbers and their responsible holders (Russia's corporate-number registry model).
 * vpbx cannot reach the real one from here: {@code EmbeddedStateRegistry} simulates it, and a real
 * adapter is one class implementing this interface.
 */
public interface StateRegistry {

    /** What vpbx reports: the number, its account, the holder and, for persons, the document's fingerprint. */
    record Submission(String requestId, String e164, String accountId, Binding.HolderType holderType, String holderId,
                      String documentFingerprint) {
    }

    /** Files a binding; the answer is the request's first status (awaiting the end user or the operator, or rejected). */
    RegistryRequest.Status submit(Submission submission);

    /** The end user confirmed with their code, or the operator verified the M2M device. */
    RegistryRequest.Status confirm(String requestId);

    /** The end user or the operator rejected the binding. */
    RegistryRequest.Status reject(String requestId, String reason);
}
