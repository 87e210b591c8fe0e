package io.vpbx.sip.proxy;

import io.vpbx.sip.wire.WireMessage;
import java.net.InetAddress;

/**
 * Whether a request within a dialog (it has a To tag) may be relayed: only along a route this proxy signed for
 * that dialog (its Call-ID and the caller's tag, {@link SignedRoutes}) and, when this node holds the dialog, only
 * from one of its two parties. Anything else would make the proxy an open relay to whatever host the
 * Request-URI names (docs/adr/0012).
 */
final class DialogGate {

    /** What to do with the request. */
    enum Verdict {
        RELAY(0, null),
        /** No Route of ours: the sender wants us to relay to a host of its choosing. */
        NOT_ROUTED_HERE(403, "Forbidden (not relaying)"),
        /** Our Route, but not signed for this Call-ID and tags: no dialog of ours. */
        NO_DIALOG(481, "Call/Transaction Does Not Exist"),
        /** A dialog of ours, but the sender is neither of its parties. */
        NOT_A_PARTY(403, "Forbidden (not a party of this dialog)");

        final int status;
        final String reason;

        Verdict(int status, String reason) {
            this.status = status;
            this.reason = reason;
        }

        /** The value of the {@code check} tag of the refusal counter. */
        String check() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final SignedRoutes routes;
    private final Dialogs dialogs;

    DialogGate(SignedRoutes routes, Dialogs dialogs) {
        this.routes = routes;
        this.dialogs = dialogs;
    }

    /**
     * @param ours how many Route values at the top name this proxy
     * @param source the address the request came from
     */
    Verdict check(WireMessage request, int ours, InetAddress source) {
        if (ours == 0) {
            return Verdict.NOT_ROUTED_HERE;
        }
        if (!routes.verifies(request, ours)) {
            return Verdict.NO_DIALOG;
        }
        DialogParties parties = dialogs.parties(request.callId());
        if (parties != null && !parties.includes(source)) {
            return Verdict.NOT_A_PARTY;
        }
        return Verdict.RELAY;
    }
}
