package io.vpbx.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The binding steps of a registrar, RFC 3261 section 10.3 steps 6 to 8, after the request has been
 * authenticated and the AOR resolved and authorised (steps 1 to 5 belong to the caller).
 *
 * <p>{@link #register(Location, String, List, String, long, Integer, boolean)} is a pure function of a
 * snapshot. The convenience overload without a snapshot applies it to the snapshot this registrar
 * holds, swapping the result in with compare-and-set so that concurrent REGISTERs never lose updates.
 *
 * <p>Status codes: 400 for a wildcard misuse or a negative Expires; 423 for a non-zero expiry below
 * {@code minExpires}; 500 for an out-of-order CSeq, since step 7 says the update "MUST be aborted and
 * the request fails" and step 8 fails requests with 500; 403 when the AOR would exceed
 * {@code maxContactsPerAor} (a request that does not add bindings always passes): it is a lasting policy refusal, and 503 would invite the UA to retry.
 */
public final class Registrar {

    private final Clock clock;
    private final RegistrarPolicy policy;
    private final AtomicReference<Location> current = new AtomicReference<>(Location.empty());

    public Registrar(Clock clock, RegistrarPolicy policy) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** The snapshot currently published by this registrar. */
    public Location location() {
        return current.get();
    }

    /** Applies a REGISTER to the held snapshot and publishes the new one on success. */
    public RegistrationResult register(String aor, List<ContactRequest> contacts, String callId, long cseq,
                                       Integer expiresHeader, boolean wildcard) {
        while (true) {
            Location before = current.get();
            RegistrationResult result = register(before, aor, contacts, callId, cseq, expiresHeader, wildcard);
            if (!(result instanceof RegistrationResult.Accepted)) {
                return result;
            }
            Location after = ((RegistrationResult.Accepted) result).location();
            if (after == before || current.compareAndSet(before, after)) {
                return result;
            }
        }
    }

    /** Drops expired bindings from the held snapshot; call it from a periodic task. */
    public Location pruneExpired() {
        Instant now = clock.instant();
        return current.updateAndGet(location -> location.withoutExpired(now));
    }

    /**
     * Applies a REGISTER to {@code location}, which is left untouched.
     *
     * @param contacts      the Contact field values; empty for a fetch (or with {@code wildcard})
     * @param expiresHeader the Expires header in seconds, or {@code null} when absent
     * @param wildcard      true when the request has {@code Contact: *}
     */
    public RegistrationResult register(Location location, String aor, List<ContactRequest> contacts, String callId,
                                       long cseq, Integer expiresHeader, boolean wildcard) {
        Instant now = clock.instant();
        List<ContactBinding> live = location.lookup(aor, now);
        if (expiresHeader != null && expiresHeader < 0) {
            return new RegistrationResult.Rejected(400, "Invalid Expires");
        }
        if (wildcard) {
            return removeAll(location, aor, live, contacts, callId, cseq, expiresHeader);
        }
        if (contacts.isEmpty()) {
            return new RegistrationResult.Accepted(location, live);
        }
        for (ContactRequest contact : contacts) {
            int requested = requestedExpires(contact, expiresHeader);
            if (requested > 0 && requested < policy.minExpires()) {
                return new RegistrationResult.IntervalTooBrief(policy.minExpires());
            }
        }

        List<ContactBinding> updated = new ArrayList<>(live);
        List<ContactRequest> written = new ArrayList<>();
        for (ContactRequest contact : contacts) {
            int index = indexOfMatch(updated, contact);
            boolean sameRequest = written.stream().anyMatch(earlier -> index >= 0 && updated.get(index).matches(earlier));
            if (index >= 0 && !sameRequest && isOutOfOrder(updated.get(index), callId, cseq)) {
                return outOfOrder();
            }
            int expires = Math.min(requestedExpires(contact, expiresHeader), policy.maxExpires());
            if (index >= 0) {
                updated.remove(index);
            }
            if (expires > 0) {
                ContactBinding binding = new ContactBinding(contact.uri(), callId, cseq, now.plusSeconds(expires),
                        contact.q(), contact.instance(), contact.received());
                updated.add(index >= 0 ? index : updated.size(), binding);
            }
            written.add(contact);
        }
        if (updated.size() > policy.maxContactsPerAor() && updated.size() > live.size()) {
            return new RegistrationResult.Rejected(403, "Too Many Contacts");
        }
        Location next = location.withBindings(aor, updated);
        return new RegistrationResult.Accepted(next, next.lookup(aor, now));
    }

    private RegistrationResult removeAll(Location location, String aor, List<ContactBinding> live,
                                         List<ContactRequest> contacts, String callId, long cseq,
                                         Integer expiresHeader) {
        if (!contacts.isEmpty()) {
            return new RegistrationResult.Rejected(400, "Wildcard Contact With Other Contacts");
        }
        if (expiresHeader == null || expiresHeader != 0) {
            return new RegistrationResult.Rejected(400, "Wildcard Contact Requires Expires 0");
        }
        for (ContactBinding binding : live) {
            if (isOutOfOrder(binding, callId, cseq)) {
                return outOfOrder();
            }
        }
        return new RegistrationResult.Accepted(location.withBindings(aor, List.of()), List.of());
    }

    private int requestedExpires(ContactRequest contact, Integer expiresHeader) {
        if (contact.expires() != null) {
            return contact.expires();
        }
        return expiresHeader != null ? expiresHeader : policy.defaultExpires();
    }

    private static int indexOfMatch(List<ContactBinding> bindings, ContactRequest contact) {
        for (int i = 0; i < bindings.size(); i++) {
            if (bindings.get(i).matches(contact)) {
                return i;
            }
        }
        return -1;
    }

    /** Step 7: the same Call-ID with a CSeq that is not higher is an old or repeated request. */
    private static boolean isOutOfOrder(ContactBinding binding, String callId, long cseq) {
        return binding.callId().equals(callId) && cseq <= binding.cseq();
    }

    private static RegistrationResult outOfOrder() {
        return new RegistrationResult.Rejected(500, "Out Of Order CSeq");
    }
}
