package io.vpbx.admin.service.sms;

import io.vpbx.config.SmsConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.DataCoding;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;

/**
 * Sends through an SMSC over SMPP 3.4 (jSMPP): one transmitter bind, made on first use and made again after it broke.
 * A text in plain ASCII goes in the SMSC's default alphabet, any other as UCS-2; a text longer than one short_message
 * (254 octets) goes whole in the message_payload parameter rather than in segments. Destinations are international
 * E.164 numbers; the source is alphanumeric when sms.sender has a letter.
 */
public final class SmppSmsSender implements SmsSender, AutoCloseable {
    private static final int MAX_SHORT_MESSAGE = 254;

    private final SmsConfig config;
    private SMPPSession session;

    public SmppSmsSender(SmsConfig config) {
        this.config = config;
    }

    @Override
    public synchronized String send(String toE164, String text) throws SmsFailure {
        boolean ascii = text.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\r');
        byte[] bytes = text.getBytes(ascii ? StandardCharsets.US_ASCII : StandardCharsets.UTF_16BE);
        // data_coding 0x00 (the SMSC's default alphabet) or 0x08 (UCS-2), without a message class
        DataCoding coding = DataCodings.newInstance(ascii ? (byte) 0x00 : (byte) 0x08);
        boolean payload = bytes.length > MAX_SHORT_MESSAGE;
        boolean alphanumeric = config.sender().chars().anyMatch(Character::isLetter);
        try {
            return bound().submitShortMessage("", alphanumeric ? TypeOfNumber.ALPHANUMERIC : TypeOfNumber.INTERNATIONAL,
                    alphanumeric ? NumberingPlanIndicator.UNKNOWN : NumberingPlanIndicator.ISDN, config.sender(),
                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, toE164.replaceFirst("^\\+", ""), new ESMClass(),
                    (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.DEFAULT), (byte) 0, coding, (byte) 0,
                    payload ? new byte[0] : bytes,
                    payload ? new OptionalParameter[] {new OptionalParameter.Message_payload(bytes)} : new OptionalParameter[0])
                    .getMessageId();
        } catch (NegativeResponseException e) {
            throw new SmsFailure("the SMSC refused the message: command status " + e.getCommandStatus(), e);
        } catch (ResponseTimeoutException e) {
            drop();
            throw new SmsFailure("the SMSC did not answer within " + config.timeout().toMillis() + " ms", e);
        } catch (PDUException | InvalidResponseException | IOException | RuntimeException e) {
            drop();
            throw new SmsFailure("SMPP: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
    }

    private SMPPSession bound() throws IOException {
        if (session != null && session.getSessionState().isBound()) {
            return session;
        }
        drop();
        SMPPSession fresh = new SMPPSession();
        fresh.setTransactionTimer(config.timeout().toMillis());
        fresh.connectAndBind(config.smppHost(), config.smppPort(), new BindParameter(BindType.BIND_TX, config.smppSystemId(),
                config.smppPassword().orElse(""), config.smppSystemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN,
                null), config.timeout().toMillis());
        session = fresh;
        return fresh;
    }

    private void drop() {
        if (session != null) {
            session.unbindAndClose();
            session = null;
        }
    }

    @Override
    public synchronized void close() {
        drop();
    }
}
