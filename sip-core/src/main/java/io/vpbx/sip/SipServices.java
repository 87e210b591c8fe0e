package io.vpbx.sip;

import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.routing.Location;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.NonceService;
import io.vpbx.telephony.cdr.CallRecordSink;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the SIP core takes from the rest of vpbx; every function here is called on the SIP event loop and
 * must answer from memory.
 *
 * @param routing the in-memory routing table the admin side keeps current
 * @param registrar answers REGISTER; empty: REGISTER gets 501
 * @param location registered contacts of an employee
 * @param credentials a SIP account by username (employees' phones placing calls)
 * @param authenticator digest authentication of employees' calls
 * @param accountOfEmployee the account an employee belongs to
 * @param records where finished call records go
 * @param answering what calls vpbx answers itself need: voice message and voicemail fallbacks
 */
public record SipServices(RoutingTable routing, Optional<RegistrarService> registrar, Location location,
                          Function<String, Optional<StoredCredentials>> credentials, Authenticator authenticator,
                          Function<String, Optional<String>> accountOfEmployee, CallRecordSink records,
                          AnswerServices answering, Clock clock) {

    public SipServices {
        Objects.requireNonNull(routing, "routing");
        Objects.requireNonNull(registrar, "registrar");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(accountOfEmployee, "accountOfEmployee");
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(answering, "answering");
        Objects.requireNonNull(clock, "clock");
    }

    /** Without media (voice message and voicemail fallbacks get 503): for tests of the SIP side alone. */
    public SipServices(RoutingTable routing, Optional<RegistrarService> registrar, Location location,
                       Function<String, Optional<StoredCredentials>> credentials, Authenticator authenticator,
                       Function<String, Optional<String>> accountOfEmployee, CallRecordSink records, Clock clock) {
        this(routing, registrar, location, credentials, authenticator, accountOfEmployee, records,
                AnswerServices.withoutMedia(), clock);
    }

    /** A SIP core with nothing to route: OPTIONS answered, INVITEs challenged or refused, records discarded. */
    public static SipServices standalone(Optional<RegistrarService> registrar) {
        return new SipServices(new RoutingTable(), registrar,
                registrar.map(RegistrarService::location).orElse(employee -> List.of()),
                username -> Optional.empty(), new Authenticator(new NonceService(Clock.systemUTC(), new SecureRandom(),
                        Duration.ofMinutes(5), 10_000), new SecureRandom()), employee -> Optional.empty(), CallRecordSink.discarding(),
                AnswerServices.withoutMedia(), Clock.systemUTC());
    }
}
