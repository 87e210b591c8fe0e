package io.vpbx.sip.registrar;

import java.time.Instant;

/**
 * Told of each change a {@link Registrar} makes to its own bindings, after the new snapshot is published:
 * how bindings reach storage and other nodes without the registrar knowing of either. Called on the thread
 * that made the change, which for a REGISTER is the SIP event loop: implementations must not block.
 *
 * <p>Bindings handed to {@link Registrar#replicate(String, ContactBinding)} (written elsewhere) are not
 * announced, so a change never travels back to where it came from.
 */
public interface BindingListener {

    /** Hears nothing. */
    BindingListener NONE = new BindingListener() {
        @Override
        public void saved(String aor, ContactBinding binding) {
        }

        @Override
        public void removed(String aor, ContactBinding binding, Instant at) {
        }

        @Override
        public void expired(String aor, ContactBinding binding) {
        }
    };

    /** A REGISTER added the binding or refreshed it (new expiry, Call-ID or CSeq). */
    void saved(String aor, ContactBinding binding);

    /**
     * A REGISTER removed the binding at {@code at}: expires 0, a wildcard, or an instance that moved to a
     * new URI. {@code binding} is the binding as it was before.
     */
    void removed(String aor, ContactBinding binding, Instant at);

    /** The binding's time ran out and it left the snapshot. */
    void expired(String aor, ContactBinding binding);
}
