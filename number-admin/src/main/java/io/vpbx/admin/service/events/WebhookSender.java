package io.vpbx.admin.service.events;

import java.net.InetAddress;
import java.net.URI;
import java.util.Map;

/**
 * POSTs one delivery. Blocking (runs on the delivery worker's virtual threads). It connects to {@code address}, the
 * address checked for the URL's host, never to a fresh lookup; it follows no redirect (a 3xx is an answer like any
 * non-2xx); it gives up after the configured timeout.
 */
@FunctionalInterface
public interface WebhookSender {
    /** The HTTP status the receiver answered; throws when there was none (timeout, refused, reset, TLS failure). */
    int post(URI url, InetAddress address, Map<String, String> headers, byte[] body) throws WebhookFailure;

    /** No answer from the receiver. */
    final class WebhookFailure extends Exception {
        public WebhookFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
