package io.vpbx.sip.proxy;

import io.vpbx.sip.wire.Addresses;
import io.vpbx.sip.wire.HeaderId;
import io.vpbx.sip.wire.SipUri;
import io.vpbx.sip.wire.Via;
import io.vpbx.sip.wire.WireMessage;
import java.util.List;

/**
 * Where this proxy stands on a request's path (RFC 3261 sections 16.4 to 16.6): the Route values at the top that
 * name us, the next hop once they are popped, our signed Record-Route, a request that loops back through us, and
 * the received/rport stamp for the previous hop.
 */
final class Hops {
    private final Network network;
    private final SignedRoutes signedRoutes;

    Hops(Network network, SignedRoutes signedRoutes) {
        this.network = network;
        this.signedRoutes = signedRoutes;
    }

    /**
     * How many Route values at the top name this proxy (section 16.4): two when we record-routed twice because
     * the call changed transport here (RFC 5658), and both are ours to remove.
     */
    int ourRoutes(WireMessage request) {
        int ours = 0;
        for (String route : request.values(HeaderId.ROUTE)) {
            SipUri uri = SipUri.parse(Addresses.uri(route));
            if (uri == null || !network.isUs(uri.host(), uri.portOrDefault())) {
                break;
            }
            ours++;
        }
        return ours;
    }

    boolean topRouteIsUs(WireMessage request) {
        return ourRoutes(request) > 0;
    }

    /** The next hop once the first {@code popped} Route values (ours) are removed: the next Route, else the Request-URI. */
    SipUri next(WireMessage request, int popped) {
        List<String> routes = request.values(HeaderId.ROUTE);
        if (routes.size() > popped) {
            return SipUri.parse(Addresses.uri(routes.get(popped)));
        }
        return request.requestSipUri();
    }

    /** Our Record-Route for that transport, signed for the dialog {@code invite} may set up. */
    String recordRoute(String transport, WireMessage invite) {
        return signedRoutes.sign(network.recordRoute(transport), invite.callId(), invite.fromTag());
    }

    /** Whether a Via names us: the request has passed this proxy before (section 16.3 step 4). */
    boolean loops(WireMessage request) {
        for (Via via : request.parsedVias()) {
            if (via != null && network.isUs(via.host(), via.port())) {
                return true;
            }
        }
        return false;
    }

    boolean addressedToUs(WireMessage request) {
        SipUri uri = request.requestSipUri();
        return uri != null && network.isUs(uri.host(), uri.portOrDefault());
    }

    /** {@code ;received=..;rport=..} when the previous hop's sent-by is not where its request came from. */
    static String received(WireMessage request, Flow source) {
        Via top = request.topVia();
        String ip = source.remote().getAddress().getHostAddress();
        int port = source.remote().getPort();
        if (top.host().equals(ip) && top.port() == port) {
            return null;
        }
        return ";received=" + ip + ";rport=" + port;
    }
}
