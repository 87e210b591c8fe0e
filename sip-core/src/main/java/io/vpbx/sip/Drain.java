package io.vpbx.sip;

/**
 * Whether this node is being taken out of service (an upgrade, a stop). While it drains, OPTIONS is answered 503 so
 * that a dispatcher probing with OPTIONS (Kamailio's) marks the node inactive and sends it no new calls, and a new
 * call that still arrives gets 503, which the dispatcher fails over to another node at once; calls under way go on
 * to their end (docs/adr/0033). One way only: a drained node stops. Any thread.
 */
public final class Drain {
    private volatile boolean draining;

    /** From now on new calls and OPTIONS are refused. */
    public void begin() {
        draining = true;
    }

    public boolean draining() {
        return draining;
    }
}
