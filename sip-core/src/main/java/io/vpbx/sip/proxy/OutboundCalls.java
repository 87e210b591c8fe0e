package io.vpbx.sip.proxy;

import io.vpbx.sip.registrar.AuthOutcome;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.DigestChallenge;
import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.routing.CallerIdChoice;
import io.vpbx.sip.routing.DialPlan;
import io.vpbx.sip.routing.Dialed;
import io.vpbx.sip.routing.DialedNumber;
import io.vpbx.sip.routing.EmployeeEntry;
import io.vpbx.sip.routing.Leg;
import io.vpbx.sip.routing.RingStep;
import io.vpbx.sip.routing.RouteDecision;
import io.vpbx.sip.routing.RouteEntry;
import io.vpbx.sip.routing.Target;
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
 * with digest (407, RFC 3261 section 22.3); {@link DialPlan} says what it dialled: a colleague's or department's
 * extension (their phones ring, the caller shown by name and extension), a service code (vpbx answers with its scenario), another number of the account (rung by its own
 * rules, nothing goes out), another account's number (by its rules) or a number outside (through the account's trunk).
 * {@link CallerIdChoice} picks the caller ID: the one the phone asks for (P-Preferred-Identity, else a From user that
 * is a number) must be one of its account's numbers that may call out when the call leaves the account; a phone that
 * asks for none shows the employee's chosen number or the account's first. The identity headers the phone sent are
 * never passed on (RFC 3325 section 5: it is outside the trust domain): the asserted identity replaces them. A call out
 * must also pass the account's destination rules, and every call its limits on calls at once and per minute.
 */
public final class OutboundCalls {
    /** How long an external number may ring before the call gives up (the carrier usually ends it sooner). */
    private static final int EXTERNAL_RING_SECONDS = 120;
    /** How long a colleague's phones ring before the call takes the standard fallback. */
    private static final int EXTENSION_RING_SECONDS = 30;

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
        Optional<String> account = accountOfEmployee.apply(who.subscriberId());
        Dialed dialed = new DialPlan(context.routing()).interpret(account.orElse(null), call.dialedUser());
        CallLog log = new CallLog(invite.callId(), CallRecord.Direction.OUTBOUND, who.subscriberId(),
                dialedName(dialed, call.dialedUser()), context.clock().instant());
        if (account.isEmpty()) {
            calls.rejected(transaction, invite, log.account(null, null), 403,
                    "Forbidden (caller ID is not a number of this account)");
            return;
        }
        boolean goesOut = dialed instanceof Dialed.External || dialed instanceof Dialed.PlatformNumber;
        CallerIdChoice.Choice choice = new CallerIdChoice(context.routing()).choose(account.get(), who.subscriberId(),
                DialedNumber.toE164(callerIdUser(invite)), goesOut);
        if (choice instanceof CallerIdChoice.Choice.Refused refused) {
            calls.rejected(transaction, invite, log.account(account.get(), DialedNumber.toE164(callerIdUser(invite))), 403,
                    "Forbidden (" + refused.reason() + ")");
            return;
        }
        RouteEntry callerNumber = ((CallerIdChoice.Choice.Shown) choice).number();
        String callerId = callerNumber == null ? null : callerNumber.e164();
        log.account(account.get(), callerId);
        String[] byNumber = {"P-Asserted-Identity", assertedIdentity(context, who.subscriberId(), callerNumber, false)};
        switch (dialed) {
            case Dialed.Refused refused -> calls.rejected(transaction, invite, log, refused.sipCode(), refused.reason());
            case Dialed.Extension extension -> {
                List<RingStep> steps = context.router().steps(extension.owner(), EXTENSION_RING_SECONDS);
                String[] byExtension = {"P-Asserted-Identity",
                        assertedIdentity(context, who.subscriberId(), callerNumber, onlyPhones(steps))};
                if (calls.admitted(transaction, invite, log, account.get())) {
                    InviteSession.start(context, transaction, invite, log, new RouteDecision.Ring(
                            internalEntry(account.get(), callerId, extension.extension(), extension.owner()), steps,
                            Fallback.standard()), byExtension, null);
                }
            }
            case Dialed.ServiceCode code -> {
                // one scenario leg: the session answers it through the answering leg, as for a number forwarded to it
                List<RingStep> steps = context.router().steps(code.scenario(), EXTENSION_RING_SECONDS);
                if (calls.admitted(transaction, invite, log, account.get())) {
                    InviteSession.start(context, transaction, invite, log, new RouteDecision.Ring(
                            internalEntry(account.get(), callerId, code.code(), code.scenario()), steps, Fallback.standard()),
                            byNumber, null);
                }
            }
            case Dialed.OwnNumber own -> onPlatform(context, call, log, account.get(), own.entry().e164(), byNumber);
            case Dialed.PlatformNumber other -> onPlatform(context, call, log, account.get(), other.entry().e164(), byNumber);
            case Dialed.External external -> out(context, call, log, account.get(), callerNumber, external.e164(), byNumber);
        }
    }

    /** Whether every leg rings a registered phone: no colleague's mobile, reached through a carrier that wants a number. */
    private static boolean onlyPhones(List<RingStep> steps) {
        return steps.stream().flatMap(step -> step.legs().stream()).allMatch(leg -> leg.kind() == Leg.Kind.CONTACT);
    }

    private static void onPlatform(ProxyContext context, NewCall call, CallLog log, String account, String e164,
                                   String[] asserted) {
        RouteDecision decision = context.router().routeOnPlatform(e164, context.clock().instant());
        if (decision instanceof RouteDecision.Reject reject) {
            context.calls().rejected(call.transaction(), call.invite(), log, reject.sipCode(), reject.reason());
        } else if (context.calls().admitted(call.transaction(), call.invite(), log, account)) {
            InviteSession.start(context, call.transaction(), call.invite(), log, (RouteDecision.Ring) decision, asserted,
                    null);
        }
    }

    private static void out(ProxyContext context, NewCall call, CallLog log, String account, RouteEntry callerNumber,
                     String dialed, String[] asserted) {
        ServerTransaction<WireMessage> transaction = call.transaction();
        WireMessage invite = call.invite();
        Calls calls = context.calls();
        String callerId = callerNumber.e164();
        CallAdmission.Refusal destination = calls.destinationRefused(account, callerId, dialed);
        if (destination != null) {
            calls.refuse(transaction, invite, log, destination);
            return;
        }
        if (!calls.admitted(transaction, invite, log, account)) {
            return;
        }
        Optional<UplinkAccount> line = context.uplinks().byNumber(callerId);
        if (line.isPresent()) {
            throughOperator(context, call, log, callerNumber, dialed, line.get());
            return;
        }
        Optional<TrunkEntry> trunk = context.routing().outboundTrunk(account);
        if (trunk.isEmpty()) {
            calls.rejected(transaction, invite, log, 503, "Service Unavailable (no trunk for calls out)");
            return;
        }
        log.carrier(trunk.get().name());
        RouteDecision.Ring ring = new RouteDecision.Ring(callerNumber,
                List.of(new RingStep(List.of(new Leg(Leg.Kind.TRUNK_NUMBER, dialed, null)), EXTERNAL_RING_SECONDS, false)),
                new Fallback.PassBack());
        InviteSession.start(context, transaction, invite, log, ring, asserted, null);
    }

    /**
     * Who the callee sees: the caller's name and extension when {@code byExtension} (a colleague's phones) or when the
     * call has no number to show; else the chosen number.
     */
    private String assertedIdentity(ProxyContext context, String employeeId, RouteEntry callerNumber, boolean byExtension) {
        Optional<EmployeeEntry> employee = context.routing().employee(employeeId);
        if ((byExtension || callerNumber == null) && employee.isPresent() && employee.get().extension() != null) {
            return quoted(employee.get().name()) + " <sip:" + employee.get().extension() + "@" + realm + ">";
        }
        return "<sip:" + (callerNumber == null ? employeeId : callerNumber.e164()) + "@" + realm + ">";
    }

    /**
     * The entry a call to an extension or a service code is recorded and answered under: the caller's account, no number of its own
     * (the caller's shown number, when there is one), the standard fallback when nobody answers.
     */
    private static RouteEntry internalEntry(String account, String callerId, String dialed, Target target) {
        return new RouteEntry(callerId == null ? dialed : callerId, account, true, true, "internal call", target,
                EXTENSION_RING_SECONDS, Fallback.standard());
    }

    /** A display name as an RFC 3261 quoted-string: quotes and backslashes escaped, control characters dropped. */
    private static String quoted(String name) {
        StringBuilder out = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            if (c >= ' ' && c != 0x7f) {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** What the call record names as dialled: the number in E.164, else what the phone dialled. */
    private static String dialedName(Dialed dialed, String user) {
        return switch (dialed) {
            case Dialed.OwnNumber own -> own.entry().e164();
            case Dialed.PlatformNumber other -> other.entry().e164();
            case Dialed.External external -> external.e164();
            case Dialed.Extension extension -> extension.extension();
            case Dialed.ServiceCode code -> code.code();
            case Dialed.Refused refused -> user;
        };
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
