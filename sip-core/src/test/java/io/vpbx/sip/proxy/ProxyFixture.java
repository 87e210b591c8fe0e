package io.vpbx.sip.proxy;

import io.vpbx.sip.routing.TrunkEntry;
import io.vpbx.sip.uplink.UplinkDirectory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.sip.SipText;
import io.vpbx.sip.StatelessResponder;
import io.vpbx.sip.overload.OverloadControl;
import io.vpbx.sip.registrar.Authenticator;
import io.vpbx.sip.registrar.NonceService;
import io.vpbx.sip.registrar.StoredCredentials;
import io.vpbx.sip.routing.RingMemory;
import io.vpbx.sip.routing.Router;
import io.vpbx.sip.routing.RoutingTable;
import io.vpbx.sip.transaction.FakeScheduler;
import io.vpbx.sip.uas.AnswerServices;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.Rewrites;
import io.vpbx.sip.wire.WireMessage;
import io.vpbx.telephony.cdr.CallProgress;
import io.vpbx.telephony.cdr.CallRecord;
import io.vpbx.telephony.cdr.CallRecordSink;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * A proxy core on a fake network and a fake scheduler, with a carrier trunk at {@link #CARRIER_IP}: tests drive
 * real message bytes through {@link ProxyCore#receive} and read what was sent on each flow. The clock follows the
 * scheduler, so ring timers and call durations move together.
 */
final class ProxyFixture {
    static final String CARRIER_IP = "10.0.0.1";
    static final String DIALED = "+74951230001";
    static final String CALLER = "+74957770000";
    static final String OUR_ROUTE = "<sip:" + FakeNetwork.US + ":" + FakeNetwork.PORT + ";lr>";
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String BODY = "v=0\no=- 1 1 IN IP4 10.0.0.1\ns=-\nc=IN IP4 10.0.0.1\nt=0 0\nm=audio 4000 RTP/AVP 0\n";

    final FakeScheduler scheduler = new FakeScheduler();
    final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return START.plus(scheduler.now());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    };
    final RoutingTable table = new RoutingTable();
    final Map<String, List<String>> registered = new HashMap<>();
    /** The employees' SIP accounts by username: phones that authenticate with them call as those employees. */
    final Map<String, StoredCredentials> phoneAccounts = new HashMap<>();
    final RingMemory memory = new RingMemory();
    final FakeNetwork network = new FakeNetwork();
    final List<CallRecord> records = new ArrayList<>();
    /** "started <call-id>" and "answered <call-id>", in the order the sink heard them. */
    final List<String> progress = new ArrayList<>();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final RecordingFlow carrier = new RecordingFlow(new InetSocketAddress(CARRIER_IP, 5060), "UDP");
    final ProxyCore core;
    private int calls;

    ProxyFixture() {
        this(Optional.empty());
    }

    /** @param overload how new calls are shed; empty: never */
    ProxyFixture(Optional<OverloadControl> overload) {
        this(overload, AnswerServices.withoutMedia());
    }

    /** @param answering what calls answered here (voice message, voicemail) use */
    ProxyFixture(AnswerServices answering) {
        this(Optional.empty(), answering);
    }

    private ProxyFixture(Optional<OverloadControl> overload, AnswerServices answering) {
        table.put(new TrunkEntry("carrier", CARRIER_IP, null));
        SecureRandom random = new SecureRandom();
        Router router = new Router(table, employee -> registered.getOrDefault(employee, List.of()), memory, new Random(7));
        OutboundCalls outbound = new OutboundCalls(
                new Authenticator(new NonceService(clock, random, Duration.ofMinutes(5), 100), random), "vpbx.test",
                username -> Optional.ofNullable(phoneAccounts.get(username)), table::accountOf);
        core = new ProxyCore(new ProxySettings(100, 1000, 1000, Duration.ofHours(12)), network, router, table,
                new StatelessResponder("vpbx-test", 100), memory, outbound, new CallRecordSink() {
                    @Override
                    public void offer(CallRecord record) {
                        records.add(record);
                    }

                    @Override
                    public void started(CallProgress call) {
                        progress.add("started " + call.accountId() + " " + call.number());
                    }

                    @Override
                    public void answered(CallProgress call) {
                        progress.add("answered " + call.accountId() + " " + call.number());
                    }
                }, answering,
                task -> scheduler.schedule(Duration.ZERO, task), clock,
                scheduler, registry, new UplinkDirectory(), overload);
    }

    /** A new call's INVITE from the carrier to {@code dialed}; each call has its own Call-ID and branch. */
    WireMessage invite(String dialed) {
        calls++;
        String text = """
                INVITE sip:%s@%s:%d SIP/2.0
                Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK-caller-%d
                Max-Forwards: 70
                To: <sip:%s@%s>
                From: <sip:%s@%s>;tag=caller
                Call-ID: call-%d@carrier.example
                CSeq: 1 INVITE
                Contact: <sip:%s@%s:5060>
                Content-Type: application/sdp
                Content-Length: %d

                %s""".formatted(dialed, FakeNetwork.US, FakeNetwork.PORT, CARRIER_IP, calls, dialed, FakeNetwork.US, CALLER,
                CARRIER_IP, calls, CALLER, CARRIER_IP, SipText.crlf(BODY).length, BODY);
        return WireMessage.parse(SipText.crlf(text));
    }

    /** The carrier sends {@code message}. */
    void fromCarrier(WireMessage message) {
        core.receive(SipText.received(message.bytes()), carrier);
    }

    /** The carrier calls {@code dialed}; returns the INVITE it sent. */
    WireMessage call(String dialed) {
        WireMessage invite = invite(dialed);
        fromCarrier(invite);
        return invite;
    }

    /** The carrier's CANCEL of its INVITE (RFC 3261 section 9.1). */
    void cancel(WireMessage invite) {
        fromCarrier(WireMessage.parse(Rewrites.cancel(invite)));
    }

    /**
     * A request of the caller within the dialog the 2xx {@code answer} made: to the callee's Contact, along the
     * Record-Route (us), with a new branch.
     */
    void inDialog(String method, int cseq, WireMessage answer) {
        inDialog(method, cseq, answer, carrier);
    }

    /** As above, sent by the caller behind {@code caller} (an employee's phone). */
    void inDialog(String method, int cseq, WireMessage answer, RecordingFlow caller) {
        String contact = answer.first(HeaderId.CONTACT);
        // the caller's route set is the Record-Route of the answer in reverse order (section 12.1.2)
        List<String> routeSet = new ArrayList<>(answer.values(HeaderId.RECORD_ROUTE));
        Collections.reverse(routeSet);
        String text = """
                %s %s SIP/2.0
                Via: SIP/2.0/UDP %s:5060;branch=z9hG4bK-caller-%s-%d
                Route: %s
                Max-Forwards: 70
                To: %s
                From: %s
                Call-ID: %s
                CSeq: %d %s
                Content-Length: 0

                """.formatted(method, contact.substring(1, contact.length() - 1), CARRIER_IP, method.toLowerCase(), cseq,
                String.join(", ", routeSet), answer.to(), answer.from(), answer.callId(), cseq, method);
        core.receive(SipText.received(WireMessage.parse(SipText.crlf(text)).bytes()), caller);
    }

    /**
     * The phone behind {@code flow} answers the first INVITE it got with {@code status}; a 2xx carries its Contact
     * and echoes the Record-Route.
     */
    void respond(RecordingFlow phone, int status, String reason, String toTag) {
        WireMessage invite = phone.requests("INVITE").get(0);
        String contact = "<sip:phone@" + phone.remote().getAddress().getHostAddress() + ":" + phone.remote().getPort()
                + ("TCP".equals(phone.transport()) ? ";transport=tcp" : "") + ">";
        byte[] response = status >= 200 && status < 300
                ? Rewrites.response(invite, status, reason, toTag, "Record-Route",
                        String.join(", ", invite.values(HeaderId.RECORD_ROUTE)), "Contact", contact)
                : Rewrites.response(invite, status, reason, toTag);
        core.receive(SipText.received(response), phone);
    }

    /** The phone answers the last request of that method it got (a CANCEL, a BYE) with {@code status}. */
    void respondTo(String method, RecordingFlow phone, int status, String reason) {
        List<WireMessage> requests = phone.requests(method);
        core.receive(SipText.received(Rewrites.response(requests.get(requests.size() - 1), status, reason, "phone")), phone);
    }

    /** The one call record written so far. */
    CallRecord record() {
        if (records.size() != 1) {
            throw new AssertionError("expected one call record, got " + records);
        }
        return records.get(0);
    }
}
