package io.vpbx.admin.service.compliance;

import io.vpbx.admin.domain.compliance.Binding;
import io.vpbx.admin.domain.compliance.RegistryRequest;
import io.vpbx.admin.domain.compliance.StateRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default registry: a simulator inside vpbx. It answers like the real one (persons await their own
 * confirmation, M2M devices await the operator's verification) and keeps its own view of each request,
 * so a confirmation for a request it never received, or a second decision, is refused as the real one would.
 */
public final class EmbeddedStateRegistry implements StateRegistry {
    private final Map<String, RegistryRequest.Status> requests = new ConcurrentHashMap<>();

    @Override
    public RegistryRequest.Status submit(Submission submission) {
        RegistryRequest.Status status = submission.holderType() == Binding.HolderType.END_USER
                ? RegistryRequest.Status.AWAITING_CONFIRMATION : RegistryRequest.Status.AWAITING_VERIFICATION;
        requests.put(submission.requestId(), status);
        return status;
    }

    @Override
    public RegistryRequest.Status confirm(String requestId) {
        return decide(requestId, RegistryRequest.Status.CONFIRMED);
    }

    @Override
    public RegistryRequest.Status reject(String requestId, String reason) {
        return decide(requestId, RegistryRequest.Status.REJECTED);
    }

    private RegistryRequest.Status decide(String requestId, RegistryRequest.Status decision) {
        // After a restart the simulator has forgotten earlier submissions; it accepts vpbx's own record then.
        RegistryRequest.Status current = requests.getOrDefault(requestId, RegistryRequest.Status.SUBMITTED);
        if (!current.open()) {
            throw new IllegalStateException("registry request " + requestId + " was already " + current.wireName());
        }
        requests.put(requestId, decision);
        return decision;
    }
}
