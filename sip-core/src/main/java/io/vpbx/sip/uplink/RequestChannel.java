package io.vpbx.sip.uplink;

import java.net.InetSocketAddress;

/**
 * How registrations reach other operators: the proxy's own transports and transaction layer (a REGISTER is a
 * client transaction like any other, with Timer F and retransmissions over UDP). Called on the SIP event loop;
 * the handler is called there too.
 */
public interface RequestChannel {

    /**
     * Sends a request to {@code uri} in a new client transaction.
     *
     * @param build makes the request's bytes from our Via (sent-protocol, sent-by and branch) for the transport
     *              chosen, and the host:port the request's Contact should name
     */
    void send(String uri, Build build, ResponseHandler handler);

    @FunctionalInterface
    interface Build {
        byte[] request(String via, String contactHostPort);
    }

    /** What became of one request; after a final response, a timeout or a transport error nothing more is called. */
    interface ResponseHandler {

        /** The next hop was resolved: the address the request goes to (inbound calls from there are recognised). */
        void sentTo(InetSocketAddress remote);

        /** A response (provisional ones too), as received. */
        void response(byte[] bytes);

        void timeout();

        void transportError();

        /**
         * The next hop is, or resolves to, an address accounts may not reach: nothing was sent. Told apart from a
         * transport error, so that the line's state says why without saying whether anything listens there.
         */
        default void targetRefused() {
            transportError();
        }
    }
}
