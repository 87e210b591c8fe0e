package io.vpbx.admin.service.voicemail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vpbx.admin.domain.voicemail.DeliveryState;
import io.vpbx.admin.domain.voicemail.MailDelivery;
import io.vpbx.admin.service.mail.SmtpMailSender;
import io.vpbx.config.MailConfig;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The mail worker against a real SMTP server (GreenMail on 127.0.0.1): what each recipient receives, what happens
 * while the server is down, employees as recipients, giving up. Time is the bed's clock; nothing sleeps.
 */
class MailDeliveryWorkerTest {
    private static final String FROM = "vpbx@pbx.example";

    private final int port = freePort();
    private GreenMail smtp;
    private MailDeliveryTestBed bed;

    @AfterEach
    void stop() {
        if (bed != null) {
            bed.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startSmtp(GreenMailConfiguration configuration) {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP)).withConfiguration(configuration);
        smtp.start();
    }

    private MailConfig mail(Optional<String> user, Optional<String> password) {
        return new MailConfig(Optional.of("127.0.0.1"), port, "none", user, password, FROM, Duration.ofSeconds(5),
                MailDeliveryTestBed.RETRY_BASE, MailDeliveryTestBed.RETRY_MAX, MailDeliveryTestBed.GIVE_UP_AFTER);
    }

    private void bed(MailConfig config) {
        bed = new MailDeliveryTestBed(clock -> new SmtpMailSender(config, clock), () -> 0.5);
    }

    private static byte[] wav(int seed) {
        byte[] bytes = new byte[48_044];
        new Random(seed).nextBytes(bytes);
        System.arraycopy("RIFF".getBytes(), 0, bytes, 0, 4);
        return bytes;
    }

    private static BodyPart attachment(MimeMessage message) throws Exception {
        MimeMultipart parts = (MimeMultipart) message.getContent();
        for (int i = 0; i < parts.getCount(); i++) {
            if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                return parts.getBodyPart(i);
            }
        }
        throw new AssertionError("no attachment in " + message.getSubject());
    }

    private static String text(MimeMessage message) throws Exception {
        return (String) ((MimeMultipart) message.getContent()).getBodyPart(0).getContent();
    }

    @Test
    void eachRecipientReceivesTheRecordingAsAnAudioWavAttachment() throws Exception {
        startSmtp(GreenMailConfiguration.aConfig());
        bed(mail(Optional.empty(), Optional.empty()));
        bed.employee("e-anna", "101", "anna@acme.example");
        byte[] wav = wav(1);
        String id = bed.store(wav, "sales@acme.example", "boss@acme.example", "employee:e-anna");

        assertEquals(3, bed.worker.runOnce());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertEquals(new TreeSet<>(List.of("sales@acme.example", "boss@acme.example", "anna@acme.example")),
                Arrays.stream(received).map(MailDeliveryWorkerTest::to).collect(Collectors.toCollection(TreeSet::new)));
        for (MimeMessage message : received) {
            assertEquals(FROM, message.getFrom()[0].toString());
            assertEquals("Voicemail from +79161234567 to +74951230001", message.getSubject());
            assertTrue(text(message).contains("Received: 2026-11-23 09:59:40 UTC"), text(message));
            assertTrue(text(message).contains("Length:   0:12"), text(message));
            BodyPart file = attachment(message);
            assertTrue(file.getContentType().startsWith("audio/wav"), file.getContentType());
            assertEquals("voicemail-20261123-095940.wav", file.getFileName());
            assertArrayEquals(wav, file.getInputStream().readAllBytes());
        }
        assertTrue(bed.deliveries(id).stream().allMatch(d -> d.state() == DeliveryState.SENT && d.sentAt() != null),
                bed.deliveries(id).toString());
        assertEquals(3.0, bed.count("sent"));
        assertEquals(0, bed.worker.runOnce(), "a sent delivery is not sent again");
    }

    private static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void whileTheServerIsDownTheDeliveryStaysQueuedAndBacksOffThenGoesOutWhenItIsBack() {
        bed(mail(Optional.empty(), Optional.empty())); // nothing listens on the port yet
        byte[] wav = wav(2);
        String id = bed.store(wav, "sales@acme.example");

        assertEquals(1, bed.worker.runOnce());
        MailDelivery first = bed.deliveries(id).get(0);
        assertEquals(DeliveryState.QUEUED, first.state());
        assertEquals(1, first.attempts());
        assertTrue(first.lastError().contains("Connect") || first.lastError().contains("connect"), first.lastError());
        Duration firstDelay = Duration.between(bed.clock.instant(), first.nextAttemptAt());
        assertTrue(firstDelay.compareTo(MailDeliveryTestBed.RETRY_BASE) >= 0 && firstDelay.compareTo(MailDeliveryTestBed.RETRY_MAX) <= 0,
                firstDelay.toString());
        assertEquals(0, bed.worker.runOnce(), "not due before its backoff ends");

        bed.clock.set(first.nextAttemptAt());
        assertEquals(1, bed.worker.runOnce());
        MailDelivery second = bed.deliveries(id).get(0);
        assertEquals(2, second.attempts());
        Duration secondDelay = Duration.between(bed.clock.instant(), second.nextAttemptAt());
        assertTrue(secondDelay.compareTo(firstDelay) > 0, "the delay grows: " + firstDelay + " then " + secondDelay);
        assertEquals(2.0, bed.count("retried"));

        startSmtp(GreenMailConfiguration.aConfig());
        bed.clock.set(second.nextAttemptAt());
        assertEquals(1, bed.worker.runOnce());

        assertEquals(DeliveryState.SENT, bed.deliveries(id).get(0).state());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals(1.0, bed.count("sent"));
    }

    @Test
    void anEmployeeWithoutAnAddressIsRecordedFailedWithTheReasonAndTheOthersStillGetIt() {
        startSmtp(GreenMailConfiguration.aConfig());
        bed(mail(Optional.empty(), Optional.empty()));
        bed.employee("e-boris", "102", null);
        String id = bed.store(wav(3), "employee:e-boris", "employee:e-gone", "sales@acme.example");

        assertEquals(3, bed.worker.runOnce());

        List<MailDelivery> rows = bed.deliveries(id);
        assertEquals(DeliveryState.FAILED, rows.get(0).state());
        assertEquals("employee e-boris has no e-mail address", rows.get(0).lastError());
        assertEquals(DeliveryState.FAILED, rows.get(1).state());
        assertEquals("employee e-gone no longer exists", rows.get(1).lastError());
        assertEquals(DeliveryState.SENT, rows.get(2).state());
        assertEquals(1, smtp.getReceivedMessages().length);
        assertEquals(2.0, bed.count("failed"));
    }

    @Test
    void aDeliveryStillFailingAfterGiveUpAfterIsMarkedFailed() {
        bed(mail(Optional.empty(), Optional.empty()));
        String id = bed.store(wav(4), "sales@acme.example");
        bed.worker.runOnce();

        bed.clock.advance(MailDeliveryTestBed.GIVE_UP_AFTER);
        assertEquals(1, bed.worker.runOnce());

        MailDelivery row = bed.deliveries(id).get(0);
        assertEquals(DeliveryState.FAILED, row.state());
        assertTrue(row.lastError().startsWith("gave up after 2 attempts: "), row.lastError());
        assertNull(row.sentAt());
        assertEquals(1.0, bed.count("failed"));
        bed.clock.advance(Duration.ofDays(1));
        assertEquals(0, bed.worker.runOnce(), "a failed delivery is not tried again");
    }

    @Test
    void starttlsRequiredNeverSendsInTheClearToAServerWithoutIt() {
        startSmtp(GreenMailConfiguration.aConfig()); // plain SMTP: no STARTTLS offered
        MailConfig starttls = new MailConfig(Optional.of("127.0.0.1"), port, "starttls", Optional.empty(), Optional.empty(), FROM,
                Duration.ofSeconds(5), MailDeliveryTestBed.RETRY_BASE, MailDeliveryTestBed.RETRY_MAX, MailDeliveryTestBed.GIVE_UP_AFTER);
        bed(starttls);
        String id = bed.store(wav(7), "sales@acme.example");

        bed.worker.runOnce();

        assertEquals(0, smtp.getReceivedMessages().length);
        MailDelivery row = bed.deliveries(id).get(0);
        assertEquals(DeliveryState.QUEUED, row.state());
        assertTrue(row.lastError().contains("STARTTLS"), row.lastError());
    }

    @Test
    void twoNodesWorkingOneQueueOnPostgresqlSendEachMailOnce() throws Exception {
        startSmtp(GreenMailConfiguration.aConfig());
        MailConfig config = mail(Optional.empty(), Optional.empty());
        bed = new MailDeliveryTestBed("postgresql", clock -> new SmtpMailSender(config, clock), () -> 0.5);
        MailDeliveryWorker otherNode = bed.worker(new SmtpMailSender(config, bed.clock), () -> 0.5,
                new SimpleMeterRegistry());
        int messages = 30;
        for (int i = 0; i < messages; i++) {
            bed.store(wav(100 + i), "sales@acme.example");
        }

        int taken;
        try (var nodes = Executors.newFixedThreadPool(2)) {
            var one = nodes.submit(() -> drain(bed.worker));
            var two = nodes.submit(() -> drain(otherNode));
            taken = one.get() + two.get();
        }

        assertEquals(messages, taken, "each delivery was claimed by exactly one node");
        assertEquals(messages, smtp.getReceivedMessages().length);
        assertEquals(messages, Arrays.stream(smtp.getReceivedMessages()).map(MailDeliveryWorkerTest::attachmentBytes).distinct()
                .count(), "every message once");
    }

    private static int drain(MailDeliveryWorker worker) {
        int total = 0;
        for (int round = worker.runOnce(); round > 0; round = worker.runOnce()) {
            total += round;
        }
        return total;
    }

    private static String attachmentBytes(MimeMessage message) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(attachment(message).getInputStream().readAllBytes()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void withMailUserSetTheSenderAuthenticatesAndAWrongPasswordIsRetriedNotLost() {
        startSmtp(GreenMailConfiguration.aConfig().withUser("vpbx@pbx.example", "vpbx", "s3cret-pass"));
        bed(mail(Optional.of("vpbx"), Optional.of("wrong-pass")));
        String refused = bed.store(wav(5), "sales@acme.example");
        bed.worker.runOnce();
        assertEquals(DeliveryState.QUEUED, bed.deliveries(refused).get(0).state());
        assertTrue(bed.deliveries(refused).get(0).lastError().toLowerCase().contains("auth"), bed.deliveries(refused).get(0).lastError());
        bed.close();

        bed(mail(Optional.of("vpbx"), Optional.of("s3cret-pass")));
        String accepted = bed.store(wav(6), "sales@acme.example");
        bed.worker.runOnce();
        assertEquals(DeliveryState.SENT, bed.deliveries(accepted).get(0).state());
    }
}
