package io.vpbx.sip.registrar;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *
 * <p>Each change to the held snapshot is announced to a {@link BindingListener} once published; bindings
 * written elsewhere come in through {@link #replicate(String, ContactBinding)} and are not announced.
 */
public final class Registrar {

    private static final Logger log = LoggerFactory.getLogger(Registrar.class);

    private final Clock clock;
    private final RegistrarPolicy policy;
    private final BindingListener listener;
    private final AtomicReference<Location> current = new AtomicReference<>(Location.empty());

    public Registrar(Clock clock, RegistrarPolicy policy) {
        this(clock, policy, BindingListener.NONE);
    }

    public Registrar(Clock clock, RegistrarPolicy policy, BindingListener listener) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
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
            if (after == before) {
                return result;
            }
            if (current.compareAndSet(before, after)) {
                announce(aor, before.bindings(aor), after.bindings(aor), clock.instant());
                return result;
            }
        }
    }

    /** Drops expired bindings from the held snapshot, announcing each; call it from a periodic task. */
    public Location pruneExpired() {
        Instant now = clock.instant();
        while (true) {
            Location before = current.get();
            Location after = before.withoutExpired(now);
            if (after == before) {
                return before;
            }
            if (current.compareAndSet(before, after)) {
                for (String aor : before.addressesOfRecord()) {
                    before.bindings(aor).stream().filter(binding -> !binding.isLiveAt(now))
                            .forEach(binding -> tell(() -> listener.expired(aor, binding)));
                }
                return after;
            }
        }
    }

    /**
     * Takes in a binding written elsewhere (another node, or this node before a restart) without announcing
     * it: a live binding replaces the AOR's binding with the same URI or joins them; an expired one (a
     * removal) takes that binding away. A local binding from the same Call-ID with a higher CSeq is newer
     * (section 10.3 step 7) and stays.
     */
    public void replicate(String aor, ContactBinding binding) {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(binding, "binding");
        Instant now = clock.instant();
        current.updateAndGet(location -> replicated(location, aor, binding, now));
    }

    private static Location replicated(Location location, String aor, ContactBinding binding, Instant now) {
        List<ContactBinding> bindings = new ArrayList<>(location.bindings(aor));
        int index = indexOfUri(bindings, binding.uri());
        if (index >= 0) {
            ContactBinding local = bindings.get(index);
            if (local.equals(binding) || (local.callId().equals(binding.callId()) && local.cseq() > binding.cseq())) {
                return location;
            }
            bindings.remove(index);
        } else if (!binding.isLiveAt(now)) {
            return location;
        }
        if (binding.isLiveAt(now)) {
            bindings.add(index >= 0 ? index : bindings.size(), binding);
        }
        return location.withBindings(aor, bindings);
    }

    /** What a published change did to one AOR: new or rewritten bindings were saved, vanished ones removed or expired. */
    private void announce(String aor, List<ContactBinding> before, List<ContactBinding> after, Instant now) {
        for (ContactBinding binding : after) {
            if (!before.contains(binding)) {
                tell(() -> listener.saved(aor, binding));
            }
        }
        Set<String> kept = after.stream().map(ContactBinding::uri).collect(Collectors.toSet());
        for (ContactBinding binding : before) {
            if (kept.contains(binding.uri())) {
                continue;
            }
            if (binding.isLiveAt(now)) {
                tell(() -> listener.removed(aor, binding, now));
            } else {
                tell(() -> listener.expired(aor, binding));
            }
        }
    }

    /** The change is published already; a failing listener must not turn it into a failed REGISTER. */
    private static void tell(Runnable announcement) {
        try {
            announcement.run();
        } catch (RuntimeException e) {
            log.warn("binding listener failed; the binding change stands", e);
        }
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

    private static int indexOfUri(List<ContactBinding> bindings, String uri) {
        for (int i = 0; i < bindings.size(); i++) {
            if (bindings.get(i).uri().equals(uri)) {
                return i;
            }
        }
        return -1;
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
