package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;

/**
 * The proxy's own answers to requests it does not forward: To-tagged from the request, replaced by a small 513
 * when they would not fit a datagram, and counted when a check of the script refused the request.
 */
final class Answers {
    /** The most one UDP datagram carries over IPv4 (65535 less the IP and UDP headers). */
    static final int MAX_DATAGRAM = 65_507;

    private final ProxyMetrics metrics;

    Answers(ProxyMetrics metrics) {
        this.metrics = metrics;
    }

    /** Our To tag for an answer to {@code request}: the same for its retransmissions, so that they match. */
    String toTag(WireMessage request) {
        String branch = request.topViaBranch();
        return Integer.toHexString((branch == null ? request.callId() : branch).hashCode() & 0x7fffffff);
    }

    void reject(ServerTransaction<WireMessage> transaction, WireMessage request, int status, String reason) {
        answer(transaction, request, status, Rewrites.response(request, status, reason, toTag(request)));
    }

    /** A request refused by a check of the script: answered and counted under {@code check}. */
    void refuse(ServerTransaction<WireMessage> transaction, WireMessage request, int status, String reason,
                String check, String... headers) {
        metrics.refused(status, check);
        answer(transaction, request, status, Rewrites.response(request, status, reason, toTag(request), headers));
    }

    /** Sends an answer of ours to {@code request}, or the 513 that replaces it when it would not fit a datagram. */
    void answer(ServerTransaction<WireMessage> transaction, WireMessage request, int status, byte[] answer) {
        transaction.sendResponse(fitted(request, status, answer, (Flow) transaction.transport()));
    }

    /**
     * An answer of ours as it may go back on {@code flow}: one too large for a datagram (a 64 KB request's headers
     * echoed) becomes a small 513 (RFC 3261 section 18.1.1 has no room for it otherwise), so that the sender still
     * hears back.
     */
    WireMessage fitted(WireMessage request, int status, byte[] answer, Flow flow) {
        if (flow.reliable() || answer.length <= MAX_DATAGRAM) {
            return WireMessage.response(answer, status, request);
        }
        metrics.refused(513, "answer_too_large");
        return WireMessage.response(Rewrites.tooLarge(request, toTag(request)), 513, request);
    }
}
