package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.DialedNumber;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;

/**
 * An INVITE that passed the request route: a new call, with what each call step reads of it, read once.
 *
 * @param sourceIp where the INVITE came from: a trunk, a third-party line's operator, or a phone
 * @param requestUri the parsed Request-URI; null when it is not a SIP URI
 */
record NewCall(ServerTransaction<WireMessage> transaction, WireMessage invite, String sourceIp, SipUri requestUri) {

    static NewCall of(ServerTransaction<WireMessage> transaction, WireMessage invite) {
        Flow source = (Flow) transaction.transport();
        return new NewCall(transaction, invite, source.remote().getAddress().getHostAddress(),
                invite.requestSipUri());
    }

    /** The user part of the Request-URI, or null. */
    String dialedUser() {
        return requestUri == null ? null : requestUri.user();
    }

    /** The dialed number in E.164, or null when the Request-URI names none. */
    String dialed() {
        return DialedNumber.toE164(dialedUser());
    }

    /** Who calls, as call records name them: the From user, else the From URI. */
    String caller() {
        SipUri from = SipUri.parse(Addresses.uri(invite.from()));
        return from == null || from.user() == null ? Addresses.uri(invite.from()) : from.user();
    }
}
