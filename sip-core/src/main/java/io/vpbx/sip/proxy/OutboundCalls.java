package io.vpbx.sip.proxy;

import io.vpbx.sip.registrar.AuthOutcome;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.DigestChallenge;
import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.routing.DialedNumber;
import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.routing.RingStep;
import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.sip.transaction.ServerTransaction;
import io.vpbx.sip.uplink.UplinkAccount;
import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.forwarding.Fallback;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Calls placed by employees' phones (anything that does not come from a trunk): the phone authenticates
 * with digest (407, RFC 3261 section 22.3), the caller ID it asks for (P-Preferred-Identity, else the From
 * user) must be one of its account's numbers that may call out, and the call goes to another of our numbers
 * by that number's rules, or out through the account's trunk with the caller ID asserted. The identity headers the
 * phone sent are never passed on (RFC 3325 section 5: it is outside the trust domain): the asserted number, always
 * one of the account's, replaces them. A call out must also pass the account's destination rules, and every call
 * its limits on calls at once and per minute.
 */
public final class OutboundCalls {
    /** How long an external number may ring before the call gives up (the carrier usually ends it sooner). */
    private static final int EXTERNAL_RING_SECONDS = 120;

    private final Authenticator authenticator;
    private final String realm;
    private final Function<String, Optional<StoredCredentials>> credentials;
    private final Function<String, Optional<String>> accountOfEmployee;

    /**
     * @param credentials finds a SIP account by username; must not block (it runs on the SIP event loop)
     * @param accountOfEmployee the account an employee (the credentials' subscriber id) belongs to; must not block
     */
    public OutboundCalls(Authenticator authenticator, String realm, Function<String, Optional<StoredCredentials>> credentials,
                         Function<String, Optional<String>> accountOfEmployee) {
        this.authenticator = authenticator;
        this.realm = realm;
        this.credentials = credentials;
        this.accountOfEmployee = accountOfEmployee;
    }

    /** The script's last step for a new call: anything not from a trunk or a third-party line's operator. */
    void route(ProxyContext context, NewCall call) {
        ServerTransaction<WireMessage> transaction = call.transaction();
        WireMessage invite = call.invite();
        Calls calls = context.calls();
        AuthOutcome auth = authenticator.authenticate("INVITE", realm, invite.first(HeaderId.PROXY_AUTHORIZATION),
                call.sourceIp(), credentials);
        if (auth instanceof AuthOutcome.Challenge challenge) {
            List<String> headers = new ArrayList<>();
            for (DigestChallenge each : challenge.challenges()) {
                headers.add("Proxy-Authenticate");
                headers.add(each.toHeaderValue());
            }
            transaction.sendResponse(WireMessage.response(Rewrites.response(invite, 407, "Proxy Authentication Required",
                    context.answers().toTag(invite), headers.toArray(new String[0])), 407, invite));
            return;
        }
        if (!(auth instanceof AuthOutcome.Authenticated who)) {
            context.answers().reject(transaction, invite, 403, "Forbidden");
            return;
        }
        String dialed = call.dialed();
        CallLog log = new CallLog(invite.callId(), CallRecord.Direction.OUTBOUND, who.subscriberId(), dialed,
                context.clock().instant());
        Optional<String> account = accountOfEmployee.apply(who.subscriberId());
        String callerId = DialedNumber.toE164(callerIdUser(invite));
        Optional<RouteEntry> callerNumber = callerId == null ? Optional.empty() : context.routing().number(callerId);
        if (account.isEmpty() || callerNumber.isEmpty() || !callerNumber.get().accountId().equals(account.get())) {
            calls.rejected(transaction, invite, log.account(account.orElse(null), callerId), 403,
                    "Forbidden (caller ID is not a number of this account)");
            return;
        }
        log.account(account.get(), callerId);
        if (!callerNumber.get().outbound()) {
            calls.rejected(transaction, invite, log, 403, "Forbidden (caller ID may not call out: "
                    + callerNumber.get().reason() + ")");
            return;
        }
        if (dialed == null) {
            calls.rejected(transaction, invite, log, 484, "Address Incomplete");
            return;
        }
        String asserted = "<sip:" + callerId + "@" + realm + ">";
        if (context.routing().number(dialed).isPresent()) {
            RouteDecision decision = context.router().routeOnPlatform(dialed, context.clock().instant());
            if (decision instanceof RouteDecision.Reject reject) {
                calls.rejected(transaction, invite, log, reject.sipCode(), reject.reason());
            } else if (calls.admitted(transaction, invite, log, account.get())) {
                InviteSession.start(context, transaction, invite, log, (RouteDecision.Ring) decision,
                        new String[] {"P-Asserted-Identity", asserted}, null);
            }
            return;
        }
        CallAdmission.Refusal destination = calls.destinationRefused(account.get(), callerId, dialed);
        if (destination != null) {
            calls.refuse(transaction, invite, log, destination);
            return;
        }
        if (!calls.admitted(transaction, invite, log, account.get())) {
            return;
        }
        Optional<UplinkAccount> line = context.uplinks().byNumber(callerId);
        if (line.isPresent()) {
            throughOperator(context, call, log, callerNumber.get(), dialed, line.get());
            return;
        }
        Optional<TrunkEntry> trunk = context.routing().outboundTrunk(account.get());
        if (trunk.isEmpty()) {
            calls.rejected(transaction, invite, log, 503, "Service Unavailable (no trunk for calls out)");
            return;
        }
        log.carrier(trunk.get().name());
        RouteDecision.Ring ring = new RouteDecision.Ring(callerNumber.get(),
                List.of(new RingStep(List.of(new Leg(Leg.Kind.TRUNK_NUMBER, dialed, null)), EXTERNAL_RING_SECONDS, false)),
                new Fallback.PassBack());
        InviteSession.start(context, transaction, invite, log, ring, new String[] {"P-Asserted-Identity", asserted}, null);
    }

    /**
     * A call out with a third-party number as caller ID goes through that number's operator, which bills it:
     * to {@code sip:dialed@operator}, our registered identity preferred, the operator's challenge answered by the
     * session with the line's login.
     */
    private static void throughOperator(ProxyContext context, NewCall call, CallLog log, RouteEntry callerNumber,
                                        String dialed, UplinkAccount line) {
        log.carrier(ThirdPartyLines.carrier(line));
        RouteDecision.Ring ring = new RouteDecision.Ring(callerNumber,
                List.of(new RingStep(List.of(new Leg(Leg.Kind.SIP_URI, line.uriFor(dialed), null)), EXTERNAL_RING_SECONDS, false)),
                new Fallback.PassBack());
        InviteSession.start(context, call.transaction(), call.invite(), log, ring,
                new String[] {"P-Preferred-Identity", "<" + line.addressOfRecord() + ">"}, line);
    }

    /** {@code sip:+74951234567@gw.example:5060;transport=udp} from a trunk's outbound URI and a number. */
    public static Optional<String> uriThrough(TrunkEntry trunk, String e164) {
        String uri = trunk.outboundUri();
        if (uri == null) {
            return Optional.empty();
        }
        int colon = uri.indexOf(':');
        int at = uri.indexOf('@');
        String hostAndRest = at > colon ? uri.substring(at + 1) : uri.substring(colon + 1);
        return Optional.of(uri.substring(0, colon + 1) + e164 + "@" + hostAndRest);
    }

    private static String callerIdUser(WireMessage invite) {
        String preferred = invite.first(HeaderId.P_PREFERRED_IDENTITY);
        SipUri uri = SipUri.parse(Addresses.uri(preferred != null ? Addresses.splitValues(preferred).get(0) : invite.from()));
        return uri == null ? null : uri.user();
    }
}
