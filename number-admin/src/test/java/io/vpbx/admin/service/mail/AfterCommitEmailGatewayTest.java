package io.vpbx.admin.service.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import io.vpbx.admin.store.Tx;
import io.vpbx.config.MailConfig;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An invitation goes to a real SMTP server (GreenMail on 127.0.0.1) only once its transaction has committed. */
class AfterCommitEmailGatewayTest {
    private final int port = freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig());

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aTextMailIsSentAfterCommitAndNotBefore() throws Exception {
        smtp.start();
        MailConfig config = new MailConfig(Optional.of("127.0.0.1"), port, "none", Optional.empty(), Optional.empty(), "vpbx@localhost",
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofDays(3));
        AfterCommitEmailGateway gateway = new AfterCommitEmailGateway(new SmtpMailSender(config, Clock.systemUTC()), Runnable::run);
        Tx tx = new Tx(null);
        gateway.send(tx, "olga@acme.example", "Your invitation to vpbx", "Choose your password here: http://x/#/accept/t");
        assertEquals(0, smtp.getReceivedMessages().length, "nothing before the commit");

        tx.committedActions().forEach(Runnable::run);
        assertTrue(smtp.waitForIncomingEmail(5_000, 1));
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("Your invitation to vpbx", received.getSubject());
        assertEquals("olga@acme.example", received.getAllRecipients()[0].toString());
        assertTrue(GreenMailUtil.getBody(received).contains("#/accept/t"), GreenMailUtil.getBody(received));
    }

    @Test
    void aServerThatIsDownCostsALogLineNotTheRequest() {
        MailConfig config = new MailConfig(Optional.of("127.0.0.1"), port, "none", Optional.empty(), Optional.empty(), "vpbx@localhost",
                Duration.ofSeconds(2), Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofDays(3));
        AfterCommitEmailGateway gateway = new AfterCommitEmailGateway(new SmtpMailSender(config, Clock.systemUTC()), Runnable::run);
        Tx tx = new Tx(null);
        gateway.send(tx, "olga@acme.example", "Your invitation to vpbx", "text");
        tx.committedActions().forEach(Runnable::run);
    }
}
