package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ClientTransaction;
import io.vpbx.sip.transaction.TransactionOwner;
import io.vpbx.sip.uplink.RequestChannel;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import java.util.Optional;

/**
 * Registrations to other operators leave through the proxy's transports and transaction layer: the same
 * flows (a TCP connection to an operator is reused by its calls), branch ids and timers as forwarded requests.
 * Each REGISTER's client transaction is owned by its handler, which hears of responses and failures directly.
 */
final class UplinkChannel implements RequestChannel {
    private final ProxyContext context;

    UplinkChannel(ProxyContext context) {
        this.context = context;
    }

    @Override
    public void send(String uri, Build build, ResponseHandler handler) {
        SipUri target = SipUri.parse(uri);
        if (target == null) {
            handler.transportError();
            return;
        }
        context.network().flowToAccountTarget(target, handler::targetRefused, flow -> {
            if (flow == null) {
                handler.transportError();
                return;
            }
            handler.sentTo(flow.remote());
            String prefix = context.network().viaPrefix(flow.transport());
            String sentBy = prefix.substring(prefix.lastIndexOf(' ') + 1);
            WireMessage request = WireMessage.parse(build.request(prefix + ";branch=" + context.branches().next(), sentBy));
            if (request.problem() != null) {
                throw new IllegalStateException("built a malformed REGISTER: " + request.problem());
            }
            Optional<ClientTransaction<WireMessage>> transaction = context.transactions().startClient(request, flow,
                    new Registration(handler));
            if (transaction.isEmpty()) {
                handler.transportError();
            }
        });
    }

    /** One REGISTER's transaction, owned by the handler that awaits its answer. */
    private record Registration(ResponseHandler handler) implements TransactionOwner<WireMessage> {

        @Override
        public void response(WireMessage response) {
            handler.response(response.bytes());
        }

        @Override
        public void timeout() {
            handler.timeout();
        }

        @Override
        public void transportError() {
            handler.transportError();
        }
    }
}
