package io.vpbx.admin.service.sms;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

/**
 * An SMSC on 127.0.0.1 (jSMPP's server side): accepts transmitter binds with the system id and password it was given,
 * refuses the first {@code refusals} submit_sm with ESME_RSYSERR (0x08) and keeps every message it took.
 */
final class Smsc implements AutoCloseable {
    record Message(String destination, String text, byte dataCoding) {
    }

    final List<Message> taken = new CopyOnWriteArrayList<>();
    final AtomicInteger submits = new AtomicInteger();
    final int port;
    private final SMPPServerSessionListener listener;
    private final Thread acceptor;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();

    Smsc(String systemId, String password, int refusals) {
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            listener = new SMPPServerSessionListener(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServerMessageReceiverListener receiver = new Receiver(refusals);
        acceptor = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    SMPPServerSession session = listener.accept();
                    sessions.add(session);
                    session.setMessageReceiverListener(receiver);
                    BindRequest bind = session.waitForBind(5000);
                    if (bind.getSystemId().equals(systemId) && bind.getPassword().equals(password)) {
                        bind.accept("test-smsc");
                    } else {
                        bind.reject(0x0E); // ESME_RINVPASWD
                    }
                } catch (Exception e) {
                    return;
                }
            }
        });
    }

    @Override
    public void close() throws IOException {
        acceptor.interrupt();
        sessions.forEach(SMPPServerSession::unbindAndClose);
        listener.close();
    }

    private final class Receiver implements ServerMessageReceiverListener {
        private final int refusals;

        Receiver(int refusals) {
            this.refusals = refusals;
        }

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            int n = submits.incrementAndGet();
            if (n <= refusals) {
                throw new ProcessRequestException("system error", 0x08);
            }
            byte[] bytes = submit.getShortMessage().length > 0 ? submit.getShortMessage()
                    : submit.getOptionalParameter(OptionalParameter.Message_payload.class).getValue();
            String text = new String(bytes, submit.getDataCoding() == 8 ? StandardCharsets.UTF_16BE : StandardCharsets.US_ASCII);
            taken.add(new Message(submit.getDestAddress(), text, submit.getDataCoding()));
            try {
                return new SubmitSmResult(new MessageId("m" + n), new OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException("bad id", 0x08);
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", 0x03);
        }
    }
}
