package io.vpbx.sip;

import io.vpbx.sip.registrar.AuthOutcome;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.ContactBinding;
import io.vpbx.sip.registrar.ContactRequest;
import io.vpbx.sip.registrar.DigestChallenge;
import io.vpbx.sip.registrar.Registrar;
import io.vpbx.sip.registrar.RegistrationResult;
import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.wire.AnswerChecks;
import io.vpbx.sip.wire.HeaderAddress;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A REGISTER, from the read message to the response, as RFC 3261 section 10.3 orders it: authenticate
 * (step 3, digest with {@link Authenticator}), authorise the AOR (step 6: the To user must be the
 * authenticated user), read Contact and Expires, then let the {@link Registrar} apply the bindings (steps 6
 * to 8). Bindings are keyed by the subscriber id of the credentials, so that a rename of the SIP user keeps
 * them, and are held in memory only.
 *
 * <p>The request is read where the proxy read it ({@link WireMessage}), once. The caller has already checked the
 * mandatory headers and the CSeq ({@link AnswerChecks#problem}); this class adds what a REGISTER needs on top of
 * them. Pure apart from the nonce bookkeeping and the registrar's snapshot.
 */
public final class RegistrarService {

    static final String METHOD = "REGISTER";
    private static final DateTimeFormatter SIP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String INSTANCE = "+sip.instance";
    private static final String WILDCARD = "*";
    private static final int MAX_DIGITS = 10;
    private static final int MAX_Q_DECIMALS = 3;

    /**
     * What to answer: status, reason phrase and the header fields a REGISTER response adds.
     *
     * @param headers name and value alternating
     */
    public record Response(int status, String reasonPhrase, List<String> headers) {
        public Response {
            Objects.requireNonNull(reasonPhrase, "reasonPhrase");
            headers = List.copyOf(headers);
        }
    }

    private final String realm;
    private final Authenticator authenticator;
    private final Registrar registrar;
    private final Clock clock;
    private final Function<String, Optional<StoredCredentials>> credentials;

    /**
     * @param realm the digest realm of every challenge
     * @param credentials finds an account by SIP username; called on the SIP thread, so it must not block
     */
    public RegistrarService(String realm, Authenticator authenticator, Registrar registrar, Clock clock,
                            Function<String, Optional<StoredCredentials>> credentials) {
        this.realm = Objects.requireNonNull(realm, "realm");
        this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
        this.registrar = Objects.requireNonNull(registrar, "registrar");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
    }

    /** Answers one REGISTER whose mandatory headers and CSeq have been checked. */
    public Response register(WireMessage request, InetSocketAddress source) {
        String sourceIp = source == null || source.getAddress() == null ? null : source.getAddress().getHostAddress();
        AuthOutcome auth = authenticator.authenticate(METHOD, realm, request.first(HeaderId.AUTHORIZATION), sourceIp,
                credentials);
        if (auth instanceof AuthOutcome.Challenge challenge) {
            return challenge(challenge);
        }
        if (auth instanceof AuthOutcome.Forbidden) {
            return new Response(403, "Forbidden", List.of());
        }
        AuthOutcome.Authenticated who = (AuthOutcome.Authenticated) auth;
        String aorUser = sipUser(request.to());
        if (aorUser == null) {
            return badRequest("malformed To");
        }
        if (!aorUser.equals(who.username())) {
            return new Response(403, "Forbidden (To is not the authenticated user)", List.of());
        }
        List<HeaderAddress> contacts = new ArrayList<>();
        boolean wildcard = false;
        for (String value : request.values(HeaderId.CONTACT)) {
            if (value.equals(WILDCARD)) {
                wildcard = true;
                continue;
            }
            HeaderAddress contact = HeaderAddress.parse(value);
            if (contact == null) {
                return badRequest("malformed Contact");
            }
            contacts.add(contact);
        }
        String expiresText = request.first("Expires");
        Integer expires = expiresText == null ? null : seconds(expiresText);
        if (expiresText != null && expires == null) {
            return badRequest("malformed Expires");
        }
        List<ContactRequest> requests = new ArrayList<>();
        for (HeaderAddress contact : contacts) {
            ContactRequest binding = contactRequest(contact, source);
            if (binding == null) {
                return badRequest("malformed Contact parameter");
            }
            requests.add(binding);
        }
        RegistrationResult result = registrar.register(who.subscriberId(), requests, request.callId(),
                AnswerChecks.cseqNumber(request), expires, wildcard);
        return response(result);
    }

    /** The registered contacts of an employee, highest q first: what call routing forks to. */
    public io.vpbx.sip.routing.Location location() {
        return employeeId -> registrar.location().lookup(employeeId, clock.instant()).stream()
                .map(ContactBinding::uri)
                .toList();
    }

    /** Drops expired bindings; the server calls it periodically. */
    public void pruneExpired() {
        registrar.pruneExpired();
    }

    /** The user part of the AOR in To (a sip or sips URI), or null. */
    private static String sipUser(String to) {
        HeaderAddress address = HeaderAddress.parse(to);
        SipUri uri = address == null ? null : SipUri.parse(address.uri());
        return uri == null || uri.user() == null || uri.user().isEmpty() ? null : uri.user();
    }

    private static Response challenge(AuthOutcome.Challenge challenge) {
        List<String> headers = new ArrayList<>();
        for (DigestChallenge each : challenge.challenges()) {
            headers.add("WWW-Authenticate");
            headers.add(each.toHeaderValue());
        }
        return new Response(401, "Unauthorized", headers);
    }

    private Response response(RegistrationResult result) {
        if (result instanceof RegistrationResult.IntervalTooBrief brief) {
            return new Response(423, "Interval Too Brief",
                    List.of("Min-Expires", Integer.toString(brief.minExpires())));
        }
        if (result instanceof RegistrationResult.Rejected rejected) {
            return new Response(rejected.statusCode(), rejected.reason(), List.of());
        }
        Instant now = clock.instant();
        List<String> headers = new ArrayList<>();
        for (ContactBinding binding : ((RegistrationResult.Accepted) result).bindings()) {
            StringBuilder contact = new StringBuilder("<").append(binding.uri()).append(">;expires=")
                    .append(binding.expiresInSeconds(now));
            if (binding.q() != 1.0) {
                contact.append(";q=").append(binding.q());
            }
            if (binding.instance() != null) {
                contact.append(';').append(INSTANCE).append("=\"").append(binding.instance()).append('"');
            }
            headers.add("Contact");
            headers.add(contact.toString());
        }
        headers.add("Date");
        headers.add(SIP_DATE.format(now));
        return new Response(200, "OK", headers);
    }

    /** A contact's parameters read, or null when expires or q is malformed. */
    private static ContactRequest contactRequest(HeaderAddress contact, InetSocketAddress source) {
        String expiresText = contact.parameter("expires");
        Integer expires = expiresText == null ? null : seconds(expiresText);
        String qText = contact.parameter("q");
        Double q = qText == null ? Double.valueOf(1.0) : qValue(qText);
        if ((expiresText != null && expires == null) || q == null) {
            return null;
        }
        String instance = contact.parameter(INSTANCE);
        String received = source.getAddress().getHostAddress() + ":" + source.getPort();
        return new ContactRequest(contact.uri(), expires, q, instance == null ? null : unquoted(instance), received);
    }

    /** {@code delta-seconds = 1*DIGIT}; values too large for an int are capped (section 10.2.1.1 allows 2**32-1). */
    private static Integer seconds(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        int zeros = 0;
        while (zeros < text.length() - 1 && text.charAt(zeros) == '0') {
            zeros++;
        }
        String digits = text.substring(zeros);
        return digits.length() > MAX_DIGITS ? Integer.MAX_VALUE : (int) Math.min(Long.parseLong(digits), Integer.MAX_VALUE);
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
    private static Double qValue(String text) {
        if (text.isEmpty() || text.charAt(0) != '0' && text.charAt(0) != '1') {
            return null;
        }
        if (text.length() > 1) {
            String decimals = text.substring(2);
            if (text.charAt(1) != '.' || decimals.length() > MAX_Q_DECIMALS
                    || !decimals.chars().allMatch(c -> c == '0' || c >= '0' && c <= '9' && text.charAt(0) == '0')) {
                return null;
            }
        }
        return Double.parseDouble(text.endsWith(".") ? text + "0" : text);
    }

    private static String unquoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }

    private static Response badRequest(String problem) {
        return new Response(400, "Bad Request (" + problem + ")", List.of());
    }
}
