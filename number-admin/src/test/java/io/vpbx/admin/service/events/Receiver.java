package io.vpbx.admin.service.events;

import com.sun.net.httpserver.HttpServer;
import io.vpbx.admin.domain.event.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntUnaryOperator;

/**
 * A webhook receiver on 127.0.0.1, as an account would run one: it checks each request's signature with the secret
 * it was given (as the README shows) and answers what {@code answer} says for the n-th request (1-based), after
 * {@code delay}. Every request is kept, with whether its signature held.
 */
final class Receiver implements AutoCloseable {
    record Request(String path, String signature, String eventId, String attempt, byte[] body, boolean signatureValid,
                   Instant at) {
        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile String secret;

    Receiver(IntUnaryOperator answer, Duration delay) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try (exchange; InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
                boolean valid = signature != null && secret != null
                        && WebhookSignature.verify(signature, secret, body, Instant.now(), Duration.ofMinutes(5));
                requests.add(new Request(exchange.getRequestURI().toString(), signature,
                        exchange.getRequestHeaders().getFirst("Vpbx-Event-Id"),
                        exchange.getRequestHeaders().getFirst("Vpbx-Delivery-Attempt"), body, valid, Instant.now()));
                int n = count.incrementAndGet();
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                // with no secret set the receiver checks nothing (the benchmark)
                exchange.sendResponseHeaders(valid || secret == null ? answer.applyAsInt(n) : 401, -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
