package io.vpbx.admin.service.events;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Delivers with the Vert.x HTTP client: the connection goes to the checked address ({@link RequestOptions#setServer})
 * while Host and TLS (SNI, certificate name) use the URL's host; redirects are never followed; the answer's body is
 * read and thrown away (a receiver's reply is not kept).
 */
public final class VertxWebhookSender implements WebhookSender, AutoCloseable {
    /** Bytes of a receiver's answer read before the connection is dropped: the answer is not used. */
    static final int MAX_ANSWER = 64 * 1024;

    private final HttpClient client;
    private final Duration timeout;

    public VertxWebhookSender(Vertx vertx, Duration timeout, int maxConnections) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) timeout.toMillis())
                .setForceSni(true)
                .setMaxRedirects(0)
                .setKeepAliveTimeout(30), new PoolOptions().setHttp1MaxSize(maxConnections));
        this.timeout = timeout;
    }

    @Override
    public int post(URI url, InetAddress address, Map<String, String> headers, byte[] body) throws WebhookFailure {
        boolean https = url.getScheme().equalsIgnoreCase("https");
        int port = url.getPort() > 0 ? url.getPort() : https ? 443 : 80;
        String path = (url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath())
                + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(port, address.getHostAddress()))
                .setHost(url.getHost())
                .setPort(port)
                .setSsl(https)
                .setURI(path)
                .setFollowRedirects(false)
                .setTimeout(timeout.toMillis());
        headers.forEach(options::putHeader);
        try {
            return client.request(options)
                    .compose(request -> request.send(Buffer.buffer(body)))
                    .compose(VertxWebhookSender::status)
                    .toCompletionStage().toCompletableFuture()
                    .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new WebhookFailure(describe(e.getCause(), timeout), e.getCause());
        } catch (TimeoutException e) {
            throw new WebhookFailure("no answer within " + timeout.toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WebhookFailure("interrupted", e);
        }
    }

    /** The answer's status once its body has passed (read and dropped; a body past {@link #MAX_ANSWER} ends the connection). */
    private static Future<Integer> status(HttpClientResponse response) {
        Promise<Integer> done = Promise.promise();
        long[] seen = {0};
        response.handler(chunk -> {
            seen[0] += chunk.length();
            if (seen[0] > MAX_ANSWER && done.tryComplete(response.statusCode())) {
                response.request().reset();
            }
        });
        response.endHandler(ignored -> done.tryComplete(response.statusCode()));
        response.exceptionHandler(done::tryFail);
        return done.future();
    }

    private static String describe(Throwable cause, Duration timeout) {
        if (cause instanceof java.util.concurrent.TimeoutException || cause.getClass().getSimpleName().contains("Timeout")) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        client.close();
    }
}
