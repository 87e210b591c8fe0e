package io.vpbx.sip.transaction;

/** A scheduled timer that can be stopped; cancelling a fired or cancelled timer does nothing. */
@FunctionalInterface
public interface Cancellable {

    void cancel();
}
