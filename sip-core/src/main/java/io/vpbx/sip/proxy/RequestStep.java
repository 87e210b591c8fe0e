package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.WireMessage;

/**
 * One named step of the proxy's request route, as Kamailio's {@code request_route} calls its routes: it takes a
 * request that a new server transaction holds and either handles it or leaves it to the next step.
 */
interface RequestStep {

    StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage request);
}
