package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.uas.LocalAnswering;
import io.vpbx.sip.wire.WireMessage;

/**
 * A request within a dialog vpbx answered itself (a voice message, a voicemail: {@link LocalAnswering}) ends there,
 * not relayed: BYE, re-INVITE, OPTIONS, INFO, and a repeat of the INVITE crossing its 2xx. Costs one empty-map
 * check while no call is answered here.
 */
final class LocalDialogRequests implements RequestStep {
    private final LocalAnswering answering;

    LocalDialogRequests(LocalAnswering answering) {
        this.answering = answering;
    }

    @Override
    public StepOutcome take(ServerTransaction<WireMessage> transaction, WireMessage request) {
        return answering.takeRequest(transaction, request) ? StepOutcome.HANDLED : StepOutcome.CONTINUE;
    }
}
