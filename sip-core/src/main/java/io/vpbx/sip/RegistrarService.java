package io.vpbx.sip;

import io.vpbx.sip.message.AddressValue;
import io.vpbx.sip.message.ContactValue;
import io.vpbx.sip.message.HeaderField;
import io.vpbx.sip.message.HeaderName;
import io.vpbx.sip.message.SipMessage;
import io.vpbx.sip.registrar.AuthOutcome;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.ContactBinding;
import io.vpbx.sip.registrar.ContactRequest;
import io.vpbx.sip.registrar.DigestChallenge;
import io.vpbx.sip.registrar.Registrar;
import io.vpbx.sip.registrar.RegistrationResult;
import io.vpbx.sip.registrar.StoredCredentials;
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
 * <p>The caller has already checked the mandatory headers and the CSeq; this class adds what a REGISTER
 * needs on top of them. Pure apart from the nonce bookkeeping and the registrar's snapshot.
 */
public final class RegistrarService {

    static final String METHOD = "REGISTER";
    private static final DateTimeFormatter SIP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final String INSTANCE = "+sip.instance";
    private static final int MAX_DIGITS = 10;

    /** What to answer: status, reason phrase and the header fields a REGISTER response adds. */
    public record Response(int status, String reasonPhrase, List<HeaderField> headers) {
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
    public Response register(SipMessage request, InetSocketAddress source) {
        String sourceIp = source == null || source.getAddress() == null ? null : source.getAddress().getHostAddress();
        AuthOutcome auth = authenticator.authenticate(METHOD, realm, authorization(request), sourceIp, credentials);
        if (auth instanceof AuthOutcome.Challenge) {
            return challenge((AuthOutcome.Challenge) auth);
        }
        if (auth instanceof AuthOutcome.Forbidden) {
            return new Response(403, "Forbidden", List.of());
        }
        AuthOutcome.Authenticated who = (AuthOutcome.Authenticated) auth;
        Optional<String> aorUser = request.first(HeaderName.TO).flatMap(AddressValue::uri).flatMap(AddressValue::sipUser);
        if (aorUser.isEmpty()) {
            return badRequest("malformed To");
        }
        if (!aorUser.get().equals(who.username())) {
            return new Response(403, "Forbidden (To is not the authenticated user)", List.of());
        }
        Optional<List<ContactValue>> contacts = ContactValue.all(request);
        if (contacts.isEmpty()) {
            return badRequest("malformed Contact");
        }
        Optional<String> expiresText = request.first(HeaderName.EXPIRES);
        Integer expires = expiresText.map(RegistrarService::seconds).orElse(null);
        if (expiresText.isPresent() && expires == null) {
            return badRequest("malformed Expires");
        }
        boolean wildcard = contacts.get().stream().anyMatch(ContactValue::isWildcard);
        List<ContactRequest> requests = new ArrayList<>();
        for (ContactValue contact : contacts.get()) {
            if (contact.isWildcard()) {
                continue;
            }
            Optional<ContactRequest> binding = contactRequest(contact, source);
            if (binding.isEmpty()) {
                return badRequest("malformed Contact parameter");
            }
            requests.add(binding.get());
        }
        long cseq = Long.parseLong(request.first(HeaderName.CSEQ).orElseThrow().split("\\s+")[0]);
        String callId = request.first(HeaderName.CALL_ID).orElseThrow();
        RegistrationResult result = registrar.register(who.subscriberId(), requests, callId, cseq, expires, wildcard);
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

    private static String authorization(SipMessage request) {
        return request.first(HeaderName.AUTHORIZATION).orElse(null);
    }

    private static Response challenge(AuthOutcome.Challenge challenge) {
        List<HeaderField> headers = new ArrayList<>();
        for (DigestChallenge each : challenge.challenges()) {
            headers.add(new HeaderField(HeaderName.WWW_AUTHENTICATE, each.toHeaderValue()));
        }
        return new Response(401, "Unauthorized", headers);
    }

    private Response response(RegistrationResult result) {
        if (result instanceof RegistrationResult.IntervalTooBrief) {
            int minExpires = ((RegistrationResult.IntervalTooBrief) result).minExpires();
            return new Response(423, "Interval Too Brief",
                    List.of(new HeaderField(HeaderName.MIN_EXPIRES, Integer.toString(minExpires))));
        }
        if (result instanceof RegistrationResult.Rejected) {
            RegistrationResult.Rejected rejected = (RegistrationResult.Rejected) result;
            return new Response(rejected.statusCode(), rejected.reason(), List.of());
        }
        Instant now = clock.instant();
        List<HeaderField> headers = new ArrayList<>();
        for (ContactBinding binding : ((RegistrationResult.Accepted) result).bindings()) {
            StringBuilder contact = new StringBuilder("<").append(binding.uri()).append(">;expires=")
                    .append(binding.expiresInSeconds(now));
            if (binding.q() != 1.0) {
                contact.append(";q=").append(binding.q());
            }
            if (binding.instance() != null) {
                contact.append(';').append(INSTANCE).append("=\"").append(binding.instance()).append('"');
            }
            headers.add(new HeaderField(HeaderName.CONTACT, contact.toString()));
        }
        headers.add(new HeaderField(HeaderName.DATE, SIP_DATE.format(now)));
        return new Response(200, "OK", headers);
    }

    private static Optional<ContactRequest> contactRequest(ContactValue contact, InetSocketAddress source) {
        Optional<String> expiresText = contact.parameter("expires");
        Integer expires = expiresText.map(RegistrarService::seconds).orElse(null);
        Optional<String> qText = contact.parameter("q");
        Double q = qText.isPresent() ? qValue(qText.get()) : Double.valueOf(1.0);
        if ((expiresText.isPresent() && expires == null) || q == null) {
            return Optional.empty();
        }
        String instance = contact.parameter(INSTANCE).map(RegistrarService::unquoted).orElse(null);
        String received = source.getAddress().getHostAddress() + ":" + source.getPort();
        return Optional.of(new ContactRequest(contact.uri(), expires, q, instance, received));
    }

    /** {@code delta-seconds = 1*DIGIT}; values too large for an int are capped (section 10.2.1.1 allows 2**32-1). */
    private static Integer seconds(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        return digits.length() > MAX_DIGITS ? Integer.MAX_VALUE : (int) Math.min(Long.parseLong(digits), Integer.MAX_VALUE);
    }

    /** {@code qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] )}. */
    private static Double qValue(String text) {
        if (!text.matches("0(\\.[0-9]{0,3})?|1(\\.0{0,3})?")) {
            return null;
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
