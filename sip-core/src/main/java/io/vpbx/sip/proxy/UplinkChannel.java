package io.vpbx.sip.proxy;

import io.vpbx.sip.transaction.ClientTransaction;
import io.vpbx.sip.uplink.RequestChannel;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.WireMessage;
import java.util.Optional;

/**
 * Registrations to other operators leave through the proxy's transports and transaction layer: the same
 * flows (a TCP connection to an operator is reused by its calls), branch ids and timers as forwarded requests.
 * The handler is the client transaction's attachment, so {@link ProxyCore} passes it responses and failures.
 */
public final class UplinkChannel implements RequestChannel {
    private final ProxyCore core;

    public UplinkChannel(ProxyCore core) {
        this.core = core;
    }

    @Override
    public void send(String uri, Build build, ResponseHandler handler) {
        SipUri target = SipUri.parse(uri);
        if (target == null) {
            handler.transportError();
            return;
        }
        core.network().flowToAccountTarget(target, handler::targetRefused, flow -> {
            if (flow == null) {
                handler.transportError();
                return;
            }
            handler.sentTo(flow.remote());
            String prefix = core.network().viaPrefix(flow.transport());
            String sentBy = prefix.substring(prefix.lastIndexOf(' ') + 1);
            WireMessage request = WireMessage.parse(build.request(prefix + ";branch=" + core.branches().next(), sentBy));
            if (request.problem() != null) {
                throw new IllegalStateException("built a malformed REGISTER: " + request.problem());
            }
            Optional<ClientTransaction<WireMessage>> transaction = core.transactions().startClient(request, flow);
            if (transaction.isEmpty()) {
                handler.transportError();
                return;
            }
            transaction.get().attach(handler);
        });
    }
}
