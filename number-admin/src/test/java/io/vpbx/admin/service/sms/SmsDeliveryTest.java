package io.vpbx.admin.service.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.TestDatabases;
import io.vpbx.admin.api.JsonMappers;
import io.vpbx.admin.domain.contact.SmsDelivery;
import io.vpbx.admin.domain.identity.KeyRing;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.service.Sealer;
import io.vpbx.admin.service.voicemail.RetrySchedule;
import io.vpbx.admin.store.jdbc.JdbcSmsQueueStore;
import io.vpbx.config.SmsConfig;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * SMS queued in the change's transaction and sent for real: through jSMPP's own SMSC on 127.0.0.1 (a refusal retried,
 * a Cyrillic text as UCS-2), and through an HTTP provider on 127.0.0.1 (a 503 retried); a rolled-back change sends
 * nothing; the text is sealed in the table and in no log line.
 */
class SmsDeliveryTest {
    private static final String CODE_TEXT = "vpbx: code 482913 confirms your number";

    private TestDatabases.TestDatabase db;
    private final JdbcSmsQueueStore queue = new JdbcSmsQueueStore();
    private final Sealer sealer = new Sealer(() -> KeyRing.parse("t1:" + key()), new SecureRandom());
    private final Clock clock = Clock.systemUTC();
    private QueuedSmsGateway gateway;
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void open() {
        db = TestDatabases.h2();
        gateway = new QueuedSmsGateway(queue, sealer, clock, () -> { });
        logs.start();
        ((Logger) LoggerFactory.getLogger("io.vpbx")).addAppender(logs);
    }

    @AfterEach
    void close() {
        ((Logger) LoggerFactory.getLogger("io.vpbx")).detachAppender(logs);
        db.close();
    }

    private static SmsConfig config(String gateway, int smppPort, String httpUrl) {
        return new SmsConfig(gateway, "127.0.0.1", smppPort, "vpbx", Optional.of("s3cret"), "", "VPBX", Optional.ofNullable(httpUrl),
                Optional.of("token-1"), Duration.ofSeconds(2), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMinutes(1));
    }

    private SmsDeliveryWorker worker(SmsSender sender) {
        return new SmsDeliveryWorker(db.database(), queue, sealer, sender,
                new RetrySchedule(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMinutes(1), () -> 0.5), Duration.ofSeconds(2),
                clock, new SimpleMeterRegistry());
    }

    private void queue(String to, String text) {
        db.database().inTransaction(tx -> {
            gateway.send(tx, to, text);
            return null;
        });
    }

    private List<SmsDelivery> rows() {
        return db.database().inTransaction(tx -> queue.all(tx, 100));
    }

    /** Runs rounds until nothing is queued (waiting out the short backoffs), at most a few seconds. */
    private void drain(SmsDeliveryWorker worker) throws InterruptedException {
        for (int i = 0; i < 100 && rows().stream().anyMatch(r -> r.state() == DeliveryState.QUEUED); i++) {
            worker.runOnce();
            Thread.sleep(30);
        }
    }

    @Test
    void aRolledBackChangeQueuesNothing() {
        assertThrows(IllegalStateException.class, () -> db.database().inTransaction(tx -> {
            gateway.send(tx, "+79161234567", CODE_TEXT);
            throw new IllegalStateException("the change failed");
        }));
        assertTrue(rows().isEmpty());
    }

    @Test
    void messagesGoThroughAnSmscAndARefusalIsRetried() throws Exception {
        try (Smsc smsc = new Smsc("vpbx", "s3cret", 1); SmsDeliveryWorker worker = worker(new SmppSmsSender(config("smpp", smsc.port, null)))) {
            queue("+79161234567", CODE_TEXT);
            queue("+79161234568", "vpbx: номер подтверждён");
            assertFalse(rows().get(0).sealedText().contains("482913"), "sealed at rest");
            drain(worker);
            assertTrue(rows().stream().allMatch(r -> r.state() == DeliveryState.SENT), rows().toString());
            assertEquals(3, smsc.submits.get(), "one refusal, then both taken");
            assertEquals(List.of(new Smsc.Message("79161234567", CODE_TEXT, (byte) 0), new Smsc.Message("79161234568",
                    "vpbx: номер подтверждён", (byte) 8)), smsc.taken.stream().sorted(java.util.Comparator.comparing(Smsc.Message::destination))
                    .toList());
            assertEquals(2, rows().get(0).attempts());
        }
        assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains("482913")), "no log line carries the code");
    }

    @Test
    void aWrongPasswordIsAFailureRetriedNotALostMessage() throws Exception {
        try (Smsc smsc = new Smsc("vpbx", "other", 0); SmsDeliveryWorker worker = worker(new SmppSmsSender(config("smpp", smsc.port, null)))) {
            queue("+79161234567", CODE_TEXT);
            worker.runOnce();
            SmsDelivery row = rows().get(0);
            assertEquals(DeliveryState.QUEUED, row.state());
            assertTrue(row.lastError().startsWith("SMPP"), row.lastError());
            assertTrue(smsc.taken.isEmpty());
        }
    }

    @Test
    void messagesGoThroughAnHttpProviderAndA503IsRetried() throws Exception {
        List<String> bodies = new CopyOnWriteArrayList<>();
        List<String> auth = new CopyOnWriteArrayList<>();
        AtomicInteger count = new AtomicInteger();
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/sms", exchange -> {
            try (exchange; InputStream in = exchange.getRequestBody()) {
                bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                auth.add(exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.sendResponseHeaders(count.incrementAndGet() == 1 ? 503 : 202, -1);
            }
        });
        provider.start();
        try (SmsDeliveryWorker worker = worker(new HttpSmsSender(config("http", 2775,
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/sms"), JsonMappers.create()))) {
            queue("+79161234567", CODE_TEXT);
            drain(worker);
            assertEquals(DeliveryState.SENT, rows().get(0).state());
            assertEquals(2, bodies.size());
            assertEquals("{\"to\":\"+79161234567\",\"from\":\"VPBX\",\"text\":\"" + CODE_TEXT + "\"}", bodies.get(1));
            assertEquals("Bearer token-1", auth.get(1));
        } finally {
            provider.stop(0);
        }
        assertTrue(logs.list.stream().noneMatch(e -> e.getFormattedMessage().contains("482913")), "no log line carries the code");
    }

    private static String key() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return Base64.getEncoder().encodeToString(key);
    }
}
