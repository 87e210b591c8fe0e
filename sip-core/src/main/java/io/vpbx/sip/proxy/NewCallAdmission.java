package io.vpbx.sip.proxy;

import io.vpbx.sip.overload.OverloadGovernor;
import io.vpbx.sip.overload.OverloadMetrics;
import io.vpbx.sip.transaction.TransactionTable;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import java.time.Duration;

/**
 * The proxy's first step for a request: a new call (an INVITE without a To tag that no server transaction holds
 * yet) that the {@link OverloadGovernor} does not admit is answered 503 Service Unavailable with Retry-After,
 * statelessly and before any transaction exists (RFC 3261 section 21.5.4; RFC 7339's "reject" action). Its ACK
 * carries the To tag we answered with and is absorbed (see {@link StatelessRelay}). Everything else passes. While
 * the governor drops early, new calls over UDP were already decided before parsing and pass here.
 */
final class NewCallAdmission {
    private final OverloadGovernor governor;
    private final OverloadMetrics metrics;
    private final String retryAfter;

    NewCallAdmission(OverloadGovernor governor, OverloadMetrics metrics, Duration retryAfter) {
        this.governor = governor;
        this.metrics = metrics;
        this.retryAfter = Long.toString(retryAfter.toSeconds());
    }

    /** Whether {@code request} was refused here (and answered); false: it goes on to its transaction. */
    boolean refuses(WireMessage request, Flow source, TransactionTable<WireMessage> transactions, Answers answers) {
        if (!"INVITE".equals(request.method()) || request.toTag() != null) {
            return false;
        }
        if (governor.dropsEarly() && "UDP".equals(source.transport())) {
            return false;
        }
        if (transactions.holdsServerTransaction(request) || governor.admitNewCall()) {
            return false;
        }
        source.send(WireMessage.response(Rewrites.response(request, 503, "Service Unavailable", answers.toTag(request),
                "Retry-After", retryAfter), 503, request));
        metrics.rejected();
        return true;
    }
}
